package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * SetLoadBalancerPoliciesOfListener and SetLoadBalancerPoliciesForBackendServer: both replace the
 * whole set for their port, and an empty list clears it (fact 2). Every name is checked before
 * anything changes.
 */
public final class PolicyEnabling {

    private PolicyEnabling() {
    }

    public static World setListenerPolicies(World world, String loadBalancer, int port, List<String> policyNames) {
        LoadBalancerState lb = world.require(loadBalancer);
        ListenerState listener = lb.listener(port)
                .orElseThrow(() -> EngineError.LISTENER_NOT_FOUND.exception(port, loadBalancer));
        List<String> names = List.copyOf(new LinkedHashSet<>(policyNames));
        for (String name : names) {
            PolicyState policy = lb.requirePolicy(name);
            checkFitsListener(policy, listener);
        }
        List<ListenerState> listeners = new ArrayList<>();
        for (ListenerState l : lb.listeners()) {
            listeners.add(l.loadBalancerPort() == port ? l.withPolicyNames(names) : l);
        }
        return world.with(lb.withListeners(listeners));
    }

    public static World setBackendPolicies(World world, String loadBalancer, int instancePort, List<String> policyNames) {
        LoadBalancerState lb = world.require(loadBalancer);
        if (instancePort < 1 || instancePort > 65535) {
            throw EngineError.VALIDATION.exception("InstancePort must be between 1 and 65535, got " + instancePort);
        }
        List<String> names = List.copyOf(new LinkedHashSet<>(policyNames));
        for (String name : names) {
            PolicyState policy = lb.requirePolicy(name);
            String type = policy.typeName();
            if (!type.equals(PolicyTypes.PROXY_PROTOCOL) && !type.equals(PolicyTypes.BACKEND_AUTHENTICATION)) {
                throw EngineError.POLICY_CANNOT_BE_ENABLED.exception(name);
            }
            // "This policy can be associated only with back-end servers that are using HTTPS/SSL"
            // (BackendServerAuthenticationPolicyType's description): a port a listener reaches in
            // plain HTTP or TCP is refused; a port no listener reaches has no protocol to object to.
            boolean plainThere = lb.listeners().stream().anyMatch(l -> l.instancePort() == instancePort && !l.secureToInstances());
            if (type.equals(PolicyTypes.BACKEND_AUTHENTICATION) && plainThere) {
                throw EngineError.POLICY_CANNOT_BE_ENABLED.exception(name);
            }
        }
        List<BackendServerState> backends = new ArrayList<>();
        lb.backendServers().stream().filter(b -> b.instancePort() != instancePort).forEach(backends::add);
        backends.add(new BackendServerState(instancePort, names));
        return world.with(lb.withBackendServers(backends));
    }

    /** Enabled on a listener or back-end port, or named by an enabled back-end authentication policy. */
    static boolean enabledOrReferred(LoadBalancerState lb, String policyName) {
        List<String> enabled = new ArrayList<>();
        lb.listeners().forEach(l -> enabled.addAll(l.policyNames()));
        lb.backendServers().forEach(b -> enabled.addAll(b.policyNames()));
        if (enabled.contains(policyName)) {
            return true;
        }
        return enabled.stream().flatMap(name -> lb.policy(name).stream())
                .flatMap(p -> p.attributes().stream())
                .anyMatch(a -> a.name().equals("PublicKeyPolicyName") && a.value().equals(policyName));
    }

    /** Which policy types a listener accepts (fact 3; reference 3.3 for the ProxyProtocol text). */
    private static void checkFitsListener(PolicyState policy, ListenerState listener) {
        if (policy.stickiness()) {
            if (!listener.carriesHttp()) {
                throw EngineError.STICKINESS_NEEDS_HTTP.exception(policy.name(), listener.loadBalancerPort(),
                        listener.protocol());
            }
            return;
        }
        boolean fits = policy.typeName().equals(PolicyTypes.SSL_NEGOTIATION) && listener.secure();
        if (!fits) {
            throw EngineError.POLICY_CANNOT_BE_ENABLED.exception(policy.name());
        }
    }
}
