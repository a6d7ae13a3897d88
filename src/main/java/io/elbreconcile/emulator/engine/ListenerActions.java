package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CreateLoadBalancerListeners, DeleteLoadBalancerListeners, SetLoadBalancerListenerSSLCertificate. */
public final class ListenerActions {

    /** The predefined security policy AWS gives an HTTPS or SSL listener created without one. */
    public static final String DEFAULT_SECURITY_POLICY = "ELBSecurityPolicy-2016-08";

    private ListenerActions() {
    }

    /** An identical listener on a taken port is a no-op; a different one is {@code DuplicateListener}. */
    public static World create(World world, String loadBalancer, List<ListenerSpec> specs, Quotas quotas) {
        LoadBalancerState lb = world.require(loadBalancer);
        if (specs.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("Listeners");
        }
        List<ListenerState> listeners = new ArrayList<>(lb.listeners());
        Set<Integer> added = new HashSet<>();
        for (ListenerSpec spec : specs) {
            ListenerState wanted = spec.toState();
            var existing = listeners.stream().filter(l -> l.loadBalancerPort() == wanted.loadBalancerPort()).findFirst();
            if (existing.isPresent()) {
                if (!existing.get().sameDefinition(wanted)) {
                    throw EngineError.DUPLICATE_LISTENER.exception(loadBalancer, wanted.loadBalancerPort());
                }
                continue;
            }
            listeners.add(wanted);
            added.add(wanted.loadBalancerPort());
        }
        checkListenerSet(listeners, quotas);
        return world.with(withDefaultSecurityPolicy(lb.withListeners(listeners), added));
    }

    /**
     * AWS associates its default predefined security policy with an HTTPS or SSL listener created
     * without one (user guide, ssl-config-update): the policy joins the load balancer's (reported
     * under OtherPolicies) and the new listener enables it. AWS describes that copy as made from
     * the predefined policy: Reference-Security-Policy first, then its flags (knowledge-center
     * article elb-listener-policy-cli, describe-load-balancer-policies output). A reconciler that replaces a listener's
     * policy list must send it back (reference fact 2).
     */
    static LoadBalancerState withDefaultSecurityPolicy(LoadBalancerState lb, Set<Integer> newPorts) {
        if (lb.listeners().stream().noneMatch(l -> newPorts.contains(l.loadBalancerPort()) && l.secure())) {
            return lb;
        }
        List<PolicyState> policies = new ArrayList<>(lb.policies());
        if (lb.policy(DEFAULT_SECURITY_POLICY).isEmpty()) {
            policies.add(PredefinedSslPolicies.referencedCopy(DEFAULT_SECURITY_POLICY).orElseThrow());
        }
        List<ListenerState> listeners = lb.listeners().stream()
                .map(l -> newPorts.contains(l.loadBalancerPort()) && l.secure() ? l.withPolicyNames(List.of(DEFAULT_SECURITY_POLICY)) : l)
                .toList();
        return lb.withPolicies(policies).withListeners(listeners);
    }

    /**
     * Rules over a load balancer's whole set of listeners, for CreateLoadBalancer and
     * CreateLoadBalancerListeners alike (reference 6.3 and 6.6): the listener quota, and listeners
     * sending to one instance port agree on a secure (HTTPS, SSL) or a plain back end.
     */
    static void checkListenerSet(List<ListenerState> listeners, Quotas quotas) {
        if (listeners.size() > quotas.listeners()) {
            throw EngineError.VALIDATION.exception("Exceeded quota of " + quotas.listeners() + " listeners");
        }
        java.util.Map<Integer, ListenerState> byInstancePort = new java.util.HashMap<>();
        for (ListenerState listener : listeners) {
            ListenerState first = byInstancePort.putIfAbsent(listener.instancePort(), listener);
            if (first != null && secureBackEnd(first) != secureBackEnd(listener)) {
                throw EngineError.INSTANCE_PORT_PROTOCOL_CONFLICT.exception(listener.instancePort(),
                        first.instanceProtocol(), first.loadBalancerPort(), listener.instanceProtocol(), listener.loadBalancerPort());
            }
        }
    }

    private static boolean secureBackEnd(ListenerState listener) {
        return listener.instanceProtocol().equals("HTTPS") || listener.instanceProtocol().equals("SSL");
    }

    /** Ports without a listener are ignored. */
    public static World delete(World world, String loadBalancer, List<Integer> ports) {
        LoadBalancerState lb = world.require(loadBalancer);
        Set<Integer> gone = new HashSet<>(ports);
        return world.with(lb.withListeners(lb.listeners().stream()
                .filter(l -> !gone.contains(l.loadBalancerPort())).toList()));
    }

    public static World setCertificate(World world, String loadBalancer, int port, String certificateId) {
        LoadBalancerState lb = world.require(loadBalancer);
        ListenerState listener = lb.listener(port)
                .orElseThrow(() -> EngineError.LISTENER_NOT_FOUND.exception(port, loadBalancer));
        if (!listener.secure()) {
            throw EngineError.LISTENER_NOT_SECURE.exception(port, listener.protocol());
        }
        ListenerSpec.checkCertificate(certificateId);
        List<ListenerState> listeners = lb.listeners().stream()
                .map(l -> l.loadBalancerPort() == port ? l.withCertificate(certificateId) : l).toList();
        return world.with(lb.withListeners(listeners));
    }
}
