package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.plan.operation.ApplySecurityGroups;
import io.elbreconcile.plan.operation.AttachSubnets;
import io.elbreconcile.plan.operation.ConfigureHealthCheck;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.DetachSubnets;
import io.elbreconcile.plan.operation.DisableAvailabilityZones;
import io.elbreconcile.plan.operation.EnableAvailabilityZones;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.SetListenerCertificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Plans one managed load balancer: the load balancer itself, listeners, policies, health check, attributes, tags. */
final class LoadBalancerPlanner {

    private final PlanBuilder plan;
    private final PlanOptions options;

    LoadBalancerPlanner(PlanBuilder plan, PlanOptions options) {
        this.plan = plan;
        this.options = options;
    }

    void plan(DesiredLoadBalancer desired, ObservedLoadBalancer observed) {
        int firstStep = plan.stepCount();
        String lb = desired.name();
        Address address = Address.loadBalancer(lb);
        SortedMap<String, Object> after = Properties.loadBalancer(desired.scheme(), desired.availabilityZones(),
                desired.subnets(), desired.securityGroups());
        boolean byZones = desired.subnets().isEmpty();
        String ready = null;
        if (observed != null && mustReplace(desired, observed)) {
            String why = replacementReason(desired, observed);
            if (desired.protect() || observed.isProtected() || !options.allowDelete()) {
                plan.change(Change.of(address, Action.REPLACE, before(observed, byZones), after, why).heldBack(
                        desired.protect() ? new HeldBack("it is protected (protect: true)", "protect: false in its document")
                        : observed.isProtected() ? new HeldBack("it is protected (tag " + PlanOptions.PROTECT_TAG + ")",
                                "removing the tag " + PlanOptions.PROTECT_TAG + " from it by hand")
                        : new HeldBack("replacing deletes it first", HeldBack.ALLOW_DELETE)));
                // The rest (listeners, policies, health check, attributes, tags) still converges
                // on the load balancer that stays.
            } else {
                String delete = plan.step(address, new DeleteLoadBalancer(lb), List.of());
                ready = create(desired, List.of(delete));
                plan.change(Change.of(address, Action.REPLACE, before(observed, byZones), after, why));
                observed = null;
            }
        } else if (observed == null) {
            ready = create(desired, List.of());
            plan.change(Change.of(address, Action.CREATE, Properties.none(), after));
        } else {
            planPlacement(desired, observed, after);
        }
        boolean created = observed == null;
        PolicyPlanner policies = new PolicyPlanner(plan, options, lb, observed, ready);
        List<ListenerPolicyPlan> lists = new ArrayList<>(planListeners(desired, observed, ready, policies));
        lists.addAll(backendLists(desired, observed));
        warnOfProxyProtocolOverSsl(desired, lists);
        policies.plan(desired.policies(), orphans(desired, observed, lists), lists);
        planHealthCheck(desired, observed, ready);
        planAttributes(desired, observed, ready);
        new TagPlanner(plan, options).planManaged(desired, observed, ready, created, plan.stepIdsSince(firstStep));
    }

    /**
     * Only the scheme. Since EC2-Classic was retired every load balancer is in a VPC: one placed by
     * zones lives in the default VPC and AWS reports its default subnets and group too, so a switch
     * between zones and subnets is made in place (zones there are default subnets).
     */
    private static boolean mustReplace(DesiredLoadBalancer desired, ObservedLoadBalancer observed) {
        return desired.scheme() != observed.scheme();
    }

    private static String replacementReason(DesiredLoadBalancer desired, ObservedLoadBalancer observed) {
        return "scheme cannot change in place: " + (observed.scheme() == null ? "unknown" : observed.scheme().wire())
                + " -> " + desired.scheme().wire();
    }

    private String create(DesiredLoadBalancer desired, List<String> deps) {
        return plan.step(Address.loadBalancer(desired.name()), new CreateLoadBalancer(desired.name(), desired.scheme(),
                desired.availabilityZones(), desired.subnets(), desired.securityGroups(), desired.listeners(),
                TagPlanner.desiredTags(desired, options)), deps);
    }

    /**
     * Shown as the YAML places it: by zones (the default subnets and group are AWS's choice, not
     * the declaration's), or by subnets and groups (the zones follow from the subnets).
     */
    private static SortedMap<String, Object> before(ObservedLoadBalancer observed, boolean byZones) {
        return byZones || observed.subnets().isEmpty()
                ? Properties.loadBalancer(observed.scheme(), observed.availabilityZones(), List.of(), List.of())
                : Properties.loadBalancer(observed.scheme(), List.of(), observed.subnets(), observed.securityGroups());
    }

    /** Zones, subnets and security groups change in place. */
    private void planPlacement(DesiredLoadBalancer desired, ObservedLoadBalancer observed, SortedMap<String, Object> after) {
        String lb = desired.name();
        Address address = Address.loadBalancer(lb);
        int mark = plan.stepCount();
        // In a VPC the zones follow from the subnets (AWS reports them, the YAML cannot declare them):
        // only a load balancer placed by zones has its zones reconciled.
        boolean byZones = desired.subnets().isEmpty();
        List<String> addZones = byZones ? minus(desired.availabilityZones(), observed.availabilityZones()) : List.of();
        List<String> dropZones = byZones ? minus(observed.availabilityZones(), desired.availabilityZones()) : List.of();
        List<String> addSubnets = byZones ? List.of() : minus(desired.subnets(), observed.subnets());
        List<String> dropSubnets = byZones ? List.of() : minus(observed.subnets(), desired.subnets());
        // Add before removing so the load balancer always keeps at least one zone or subnet.
        String enable = addZones.isEmpty() ? null : plan.step(address, new EnableAvailabilityZones(lb, addZones), List.of());
        if (!dropZones.isEmpty()) {
            plan.step(address, new DisableAvailabilityZones(lb, dropZones), nonNull(enable));
        }
        String attach = addSubnets.isEmpty() ? null : plan.step(address, new AttachSubnets(lb, addSubnets), List.of());
        if (!dropSubnets.isEmpty()) {
            plan.step(address, new DetachSubnets(lb, dropSubnets), nonNull(attach));
        }
        if (!byZones && !desired.securityGroups().isEmpty() && !desired.securityGroups().equals(observed.securityGroups())) {
            plan.step(address, new ApplySecurityGroups(lb, desired.securityGroups()), List.of());
        }
        boolean changed = plan.stepCount() > mark;
        plan.change(Change.of(address, changed ? Action.UPDATE : Action.NOOP, before(observed, byZones), after));
    }

    private List<ListenerPolicyPlan> planListeners(DesiredLoadBalancer desired, ObservedLoadBalancer observed,
                                                   String ready, PolicyPlanner policies) {
        String lb = desired.name();
        List<ListenerPolicyPlan> lists = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Listener wanted : desired.listeners()) {
            int port = wanted.loadBalancerPort();
            Address address = Address.listener(lb, port);
            Listener existing = observed == null ? null : observed.listener(port).orElse(null);
            boolean created = existing == null || existing.needsRecreationToBecome(wanted);
            // A re-created listener takes the old one's other policies along only when it stays as
            // secure as it was: an SSL negotiation policy cannot be enabled on a plain listener.
            boolean carryOver = existing != null && secure(existing) == secure(wanted);
            List<String> kept = carryOver ? foreignPolicies(existing, observed) : List.of();
            if (created && kept.isEmpty()) {
                // Nothing foreign to carry over: the new listener starts with what AWS gives it.
                kept = policiesAfterCreation(wanted);
            }
            if (declaresSslPolicy(desired, wanted)) {
                // The declared SSL negotiation policy takes the place of the one there now, in the
                // same list call: the listener is never without one.
                kept = kept.stream().filter(name -> !isSslPolicy(name, observed)).toList();
            }
            List<String> desiredList = concat(kept, wanted.policyNames());
            if (existing == null) {
                String create = ready != null ? null : plan.step(address, new CreateListener(lb, wanted), List.of());
                creates.add(create);
                plan.change(Change.of(address, Action.CREATE, Properties.none(), Properties.listener(wanted)));
                lists.add(new ListenerPolicyPlan(port, policiesAfterCreation(wanted), List.of(), desiredList, create, false, null));
            } else if (existing.needsRecreationToBecome(wanted)) {
                String delete = plan.step(address, new DeleteListener(lb, port), List.of());
                deletes.add(delete);
                policies.detachedBy(delete, existing.policyNames());
                String create = plan.step(address, new CreateListener(lb, wanted), List.of(delete));
                creates.add(create);
                plan.change(Change.of(address, Action.REPLACE, Properties.listener(existing), Properties.listener(wanted),
                        "protocol or instance port cannot change in place: the listener is re-created",
                        "its policy list is restored in the same apply"));
                lists.add(new ListenerPolicyPlan(port, policiesAfterCreation(wanted), existing.policyNames(), desiredList, create, true,
                        "restores the list of the re-created listener"));
            } else {
                boolean newCertificate = !Objects.equals(existing.sslCertificateId(), wanted.sslCertificateId());
                if (newCertificate) {
                    plan.step(address, new SetListenerCertificate(lb, port, wanted.sslCertificateId()), List.of());
                }
                plan.change(Change.of(address, newCertificate ? Action.UPDATE : Action.NOOP,
                        Properties.listener(existing), Properties.listener(wanted),
                        newCertificate ? new String[] {"certificate changes in place (no re-creation, no outage)"} : new String[0]));
                lists.add(new ListenerPolicyPlan(port, existing.policyNames(), existing.policyNames(), desiredList,
                        null, true, null));
            }
        }
        if (observed != null) {
            for (Listener existing : observed.listeners()) {
                if (desired.listener(existing.loadBalancerPort()).isEmpty()) {
                    Address address = Address.listener(lb, existing.loadBalancerPort());
                    String delete = plan.step(address, new DeleteListener(lb, existing.loadBalancerPort()), List.of());
                    deletes.add(delete);
                    policies.detachedBy(delete, existing.policyNames());
                    plan.change(Change.of(address, Action.DELETE, Properties.listener(existing), Properties.none(),
                            "not declared: listeners of a managed load balancer are reconciled"));
                }
            }
        }
        policies.backendListsWaitFor(creates);
        policies.backendListsWaitFor(deletes);
        // Listeners sending to one instance port must agree on a secure or a plain back end, so a
        // new listener may only be valid once the old ones are gone: every creation waits for every
        // deletion of this load balancer.
        for (String create : creates) {
            if (create != null) {
                deletes.forEach(delete -> plan.dependOn(create, delete));
            }
        }
        return lists;
    }

    /**
     * AWS takes a proxy protocol policy on an instance port reached over SSL but sends no header
     * there: its table of listener configurations for Classic Load Balancers says an SSL back end
     * "does not support the proxy protocol header". Nor on a port reached only by HTTP or HTTPS
     * listeners: ProxyProtocolPolicyType's own description says it operates on TCP and SSL
     * listeners only. A warning, not an error: AWS accepts it, and a live load balancer configured
     * so must import and plan nothing.
     */
    private void warnOfProxyProtocolOverSsl(DesiredLoadBalancer desired, List<ListenerPolicyPlan> lists) {
        for (ListenerPolicyPlan list : lists) {
            if (!list.backend()) {
                continue;
            }
            List<Listener> reaching = desired.listeners().stream().filter(l -> l.instancePort() == list.port()).toList();
            String why;
            if (reaching.stream().anyMatch(l -> l.instanceProtocol() == Protocol.SSL)) {
                why = ", but its listeners reach the instances over SSL, where AWS sends no proxy protocol header;"
                        + " use instanceProtocol TCP to get one";
            } else if (!reaching.isEmpty() && reaching.stream().allMatch(l -> l.protocol() == Protocol.HTTP || l.protocol() == Protocol.HTTPS)) {
                why = ", but only HTTP/HTTPS listeners reach it, and AWS sends the proxy protocol header on TCP and SSL"
                        + " listeners only; use a TCP or SSL listener to get one";
            } else {
                continue;
            }
            list.desired().stream()
                    .filter(name -> desired.policy(name).map(p -> p.kind() == PolicyKind.PROXY_PROTOCOL).orElse(false))
                    .forEach(name -> plan.notice(list.address(desired.name()) + " enables proxy protocol policy " + name + why));
        }
    }

    /**
     * The instance ports' policy lists. Declared {@code backendServers} is authoritative: a port it
     * does not list ends with none. Undeclared, each port keeps what it has; its list is still
     * planned (unchanged) so that a replaced policy on it goes through the same zero-gap swap.
     * Ports with nothing now and nothing wanted are left out.
     */
    private static List<ListenerPolicyPlan> backendLists(DesiredLoadBalancer desired, ObservedLoadBalancer observed) {
        SortedMap<Integer, List<String>> wanted = new TreeMap<>();
        if (observed != null) {
            observed.backendServers().forEach(b -> wanted.put(b.instancePort(),
                    desired.declaresBackendServers() ? List.of() : b.policyNames()));
        }
        if (desired.declaresBackendServers()) {
            desired.backendServers().forEach(b -> wanted.put(b.instancePort(), b.policyNames()));
        }
        List<ListenerPolicyPlan> lists = new ArrayList<>();
        wanted.forEach((port, names) -> {
            List<String> current = observed == null ? List.of() : observed.backendPolicies(port);
            if (!current.isEmpty() || !names.isEmpty()) {
                lists.add(new ListenerPolicyPlan(port, current, current, names, null, observed != null,
                        desired.declaresBackendServers() && !current.isEmpty() && names.isEmpty()
                                && desired.backendServers().stream().noneMatch(b -> b.instancePort() == port)
                                ? "not in backendServers: an instance port it does not list has no back-end policy" : null,
                        true));
            }
        });
        return lists;
    }

    /**
     * What AWS enables on a listener it has just created: its default predefined security policy
     * on HTTPS and SSL listeners created without one (user guide, ssl-config-update), nothing on
     * the others. Planning from it keeps that policy when the cookie policies are set.
     */
    static List<String> policiesAfterCreation(Listener listener) {
        return secure(listener) ? List.of(DEFAULT_SECURITY_POLICY) : List.of();
    }

    private static boolean secure(Listener listener) {
        return listener.protocol() == Protocol.HTTPS || listener.protocol() == Protocol.SSL;
    }

    /** The predefined security policy AWS associates with a new HTTPS or SSL listener. */
    static final String DEFAULT_SECURITY_POLICY = "ELBSecurityPolicy-2016-08";

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> out = new ArrayList<>(first);
        then.stream().filter(name -> !out.contains(name)).forEach(out::add);
        return out;
    }

    /**
     * Policies a listener has now that its document does not name: those of types the language
     * does not model, and its SSL negotiation policy when the listener declares no {@code sslPolicy}
     * (then AWS's default or whatever is there is kept). They go first in the list sent for it,
     * before the declared ones. Sending only the declared list would silently drop them (fact 2).
     */
    private static List<String> foreignPolicies(Listener existing, ObservedLoadBalancer observed) {
        var attachedByOthers = AttachOwnership.attachedByOthers(observed);
        return existing.policyNames().stream().filter(name -> observed.otherPolicies().contains(name)
                || attachedByOthers.contains(name) || isSslPolicy(name, observed)).toList();
    }

    /** An SSL negotiation policy: one AWS predefines, or one of the load balancer's own of that type. */
    private static boolean isSslPolicy(String name, ObservedLoadBalancer observed) {
        if (SecurityPolicies.isAwsName(name)) {
            return true;
        }
        return observed != null && observed.policy(name).map(p -> p.kind() == PolicyKind.SSL_NEGOTIATION).orElse(false);
    }

    private static boolean declaresSslPolicy(DesiredLoadBalancer desired, Listener wanted) {
        return wanted.policyNames().stream().anyMatch(name ->
                desired.policy(name).map(p -> p.kind() == PolicyKind.SSL_NEGOTIATION).orElse(false));
    }

    /** Undeclared policies, except those a listener keeps (its SSL policy when it declares none). */
    private static SortedMap<String, String> orphans(DesiredLoadBalancer desired, ObservedLoadBalancer observed,
                                                     List<ListenerPolicyPlan> lists) {
        SortedMap<String, String> orphans = new TreeMap<>();
        if (observed == null) {
            return orphans;
        }
        var attachedByOthers = AttachOwnership.attachedByOthers(observed);
        // Public key policies named by a policy that stays (declared, or kept on a list) stay too.
        java.util.Set<String> namedByKept = new java.util.HashSet<>();
        desired.policies().forEach(p -> namedByKept.addAll(p.referencedPolicies()));
        observed.policies().stream().filter(p -> desired.policy(p.name()).isEmpty())
                .filter(p -> lists.stream().anyMatch(l -> l.desired().contains(p.name())))
                .forEach(p -> namedByKept.addAll(p.referencedPolicies()));
        for (ManagedPolicy policy : observed.policies()) {
            // Another stack's attach-mode policy is foreign, like one of another type: not ours to delete;
            // so is the SSL policy a listener keeps when it declares none, and the back-end policies
            // of a load balancer that declares no backendServers.
            boolean keptOnAListener = lists.stream().anyMatch(l -> l.desired().contains(policy.name()))
                    || namedByKept.contains(policy.name());
            if (desired.policy(policy.name()).isEmpty() && !attachedByOthers.contains(policy.name()) && !keptOnAListener) {
                orphans.put(policy.name(), TemporaryPolicies.originalOf(policy.name()).isPresent()
                        ? "leftover temporary policy of an interrupted replacement"
                        : "orphan: declared in no document");
            }
        }
        return orphans;
    }

    private void planHealthCheck(DesiredLoadBalancer desired, ObservedLoadBalancer observed, String ready) {
        if (desired.healthCheck() == null) {
            return;
        }
        Address address = Address.healthCheck(desired.name());
        var current = observed == null ? null : observed.healthCheck();
        if (desired.healthCheck().equals(current)) {
            plan.change(Change.of(address, Action.NOOP, Properties.healthCheck(current), Properties.healthCheck(current)));
            return;
        }
        plan.step(address, new ConfigureHealthCheck(desired.name(), desired.healthCheck()), nonNull(ready));
        plan.change(Change.of(address, observed == null ? Action.CREATE : Action.UPDATE,
                Properties.healthCheck(current), Properties.healthCheck(desired.healthCheck())));
    }

    private void planAttributes(DesiredLoadBalancer desired, ObservedLoadBalancer observed, String ready) {
        Attributes declared = desired.attributes();
        if (declared.isEmpty()) {
            return;
        }
        Address address = Address.attributes(desired.name());
        // A new load balancer starts with AWS's defaults; an existing one was read (attributes declared).
        Attributes current = observed == null ? Attributes.AWS_DEFAULT : observed.attributes();
        if (current == null) {
            throw new IllegalStateException("attributes of " + desired.name() + " were not observed but are declared");
        }
        SortedMap<String, Object> before = Properties.attributes(current, declared);
        SortedMap<String, Object> after = Properties.attributes(declared, declared);
        if (before.equals(after)) {
            plan.change(Change.of(address, Action.NOOP, before, after));
            return;
        }
        plan.step(address, new ModifyAttributes(desired.name(), declared), nonNull(ready));
        plan.change(Change.of(address, observed == null ? Action.CREATE : Action.UPDATE, before, after));
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static List<String> nonNull(String id) {
        return id == null ? List.of() : List.of(id);
    }
}
