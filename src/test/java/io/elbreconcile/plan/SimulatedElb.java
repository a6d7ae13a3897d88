package io.elbreconcile.plan;

import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.StickinessPolicy;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.ApplySecurityGroups;
import io.elbreconcile.plan.operation.AttachSubnets;
import io.elbreconcile.plan.operation.ConfigureHealthCheck;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.DetachSubnets;
import io.elbreconcile.plan.operation.DisableAvailabilityZones;
import io.elbreconcile.plan.operation.EnableAvailabilityZones;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.OperationVisitor;
import io.elbreconcile.plan.operation.RemoveTags;
import io.elbreconcile.plan.operation.SetListenerCertificate;
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.StickinessPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A model of the AWS rules the planner must respect (reference facts 1-5, 10), for checking plans
 * without a server: a step that AWS would reject fails here too, with the AWS error code.
 */
final class SimulatedElb implements OperationVisitor<Void> {

    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        Rejected(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }
    }

    private final Map<String, ObservedLoadBalancer> world = new TreeMap<>();

    SimulatedElb(ObservedState initial) {
        world.putAll(initial.loadBalancers());
    }

    ObservedState state() {
        // What an observation with attributes would read.
        return ObservedState.of(world);
    }

    void apply(Operation operation) {
        operation.accept(this);
    }

    private ObservedLoadBalancer existing(String lb) {
        ObservedLoadBalancer found = world.get(lb);
        if (found == null) {
            throw new Rejected("LoadBalancerNotFound", lb);
        }
        return found;
    }

    private void update(String lb, UnaryOperator<ObservedLoadBalancer> change) {
        world.put(lb, change.apply(existing(lb)));
    }

    private static ObservedLoadBalancer with(ObservedLoadBalancer o, List<Listener> listeners, List<ManagedPolicy> policies) {
        return new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(), o.subnets(),
                o.securityGroups(), listeners, policies, o.otherPolicies(), o.healthCheck(), o.tags(), o.attributes(), o.backendServers());
    }

    @Override
    public Void visit(CreateLoadBalancer op) {
        if (world.containsKey(op.loadBalancer())) {
            throw new Rejected("DuplicateLoadBalancerName", op.loadBalancer());
        }
        List<Listener> listeners = op.listeners().stream().map(SimulatedElb::asCreated).toList();
        world.put(op.loadBalancer(), new ObservedLoadBalancer(op.loadBalancer(), op.loadBalancer() + ".elb", op.scheme(),
                op.availabilityZones(), op.subnets(), op.securityGroups(), listeners, List.of(),
                withPoliciesEnabledOn(List.of(), listeners), HealthCheck.AWS_DEFAULT, op.tags(), Attributes.AWS_DEFAULT));
        return null;
    }

    /** As AWS creates a listener: no policies, except the default security policy on HTTPS and SSL (user guide ssl-config-update). */
    private static Listener asCreated(Listener listener) {
        return listener.withPolicyNames(LoadBalancerPlanner.policiesAfterCreation(listener));
    }

    /** The load balancer's other policies, joined by those AWS enabled on listeners it just created. */
    private static List<String> withPoliciesEnabledOn(List<String> otherPolicies, List<Listener> created) {
        List<String> out = new ArrayList<>(otherPolicies);
        created.stream().flatMap(l -> l.policyNames().stream()).filter(name -> !out.contains(name)).forEach(out::add);
        return out;
    }

    @Override
    public Void visit(DeleteLoadBalancer op) {
        world.remove(op.loadBalancer());
        return null;
    }

    @Override
    public Void visit(CreateListener op) {
        update(op.loadBalancer(), o -> {
            if (o.listener(op.listener().loadBalancerPort()).isPresent()) {
                throw new Rejected("DuplicateListener", op.describe());
            }
            List<Listener> listeners = new ArrayList<>(o.listeners());
            Listener created = asCreated(op.listener());
            listeners.add(created);
            return new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(), o.subnets(),
                    o.securityGroups(), listeners, o.policies(), withPoliciesEnabledOn(o.otherPolicies(), List.of(created)),
                    o.healthCheck(), o.tags(), o.attributes(), o.backendServers());
        });
        return null;
    }

    @Override
    public Void visit(DeleteListener op) {
        update(op.loadBalancer(), o -> with(o, o.listeners().stream()
                .filter(l -> l.loadBalancerPort() != op.port()).toList(), o.policies()));
        return null;
    }

    @Override
    public Void visit(SetListenerCertificate op) {
        update(op.loadBalancer(), o -> {
            Listener l = o.listener(op.port()).orElseThrow(() -> new Rejected("ListenerNotFound", op.describe()));
            return with(o, replaceListener(o, l.withCertificate(op.certificateId())), o.policies());
        });
        return null;
    }

    private static List<Listener> replaceListener(ObservedLoadBalancer o, Listener changed) {
        return o.listeners().stream()
                .map(l -> l.loadBalancerPort() == changed.loadBalancerPort() ? changed : l).toList();
    }

    private Void createPolicy(String lb, ManagedPolicy policy) {
        update(lb, o -> {
            if (o.allPolicyNames().contains(policy.name())) {
                throw new Rejected("DuplicatePolicyName", policy.name());
            }
            List<ManagedPolicy> policies = new ArrayList<>(o.policies());
            policies.add(policy);
            return with(o, o.listeners(), policies);
        });
        return null;
    }

    @Override
    public Void visit(CreateLbCookiePolicy op) {
        return createPolicy(op.loadBalancer(), new LbCookiePolicy(op.policyName(), op.cookieExpirationPeriod()));
    }

    @Override
    public Void visit(CreateAppCookiePolicy op) {
        return createPolicy(op.loadBalancer(), new AppCookiePolicy(op.policyName(), op.cookieName()));
    }

    @Override
    public Void visit(CreatePolicy op) {
        ManagedPolicy policy = ManagedPolicy.fromWire(op.policyName(), op.policyTypeName(), op.attributes()).orElseThrow();
        for (String key : policy.referencedPolicies()) {
            if (existing(op.loadBalancer()).policy(key).map(p -> p.kind() != PolicyKind.PUBLIC_KEY).orElse(true)) {
                throw new Rejected("InvalidConfigurationRequest", op.policyName() + " names " + key + ", no public key policy");
            }
        }
        return createPolicy(op.loadBalancer(), policy);
    }

    @Override
    public Void visit(DeletePolicy op) {
        update(op.loadBalancer(), o -> {
            // As AWS: refused while enabled, or named by an enabled policy (a key by an enabled authentication policy).
            List<String> enabled = new ArrayList<>();
            o.listeners().forEach(l -> enabled.addAll(l.policyNames()));
            o.backendServers().forEach(b -> enabled.addAll(b.policyNames()));
            boolean referred = enabled.stream().flatMap(n -> o.policy(n).stream())
                    .anyMatch(p -> p.referencedPolicies().contains(op.policyName()));
            if (enabled.contains(op.policyName()) || referred) {
                throw new Rejected("InvalidConfigurationRequest", "policy " + op.policyName() + " is in use");
            }
            if (o.policy(op.policyName()).isEmpty()) {
                throw new Rejected("PolicyNotFound", op.policyName());
            }
            return with(o, o.listeners(), o.policies().stream()
                    .filter(p -> !p.name().equals(op.policyName())).toList());
        });
        return null;
    }

    @Override
    public Void visit(SetListenerPolicies op) {
        update(op.loadBalancer(), o -> {
            Listener l = o.listener(op.port()).orElseThrow(() -> new Rejected("ListenerNotFound", op.describe()));
            for (String name : op.policyNames()) {
                if (!o.allPolicyNames().contains(name)) {
                    throw new Rejected("PolicyNotFound", name);
                }
                if (o.policy(name).map(p -> p.kind().enabledOnBackendServers() || p.kind() == PolicyKind.PUBLIC_KEY).orElse(false)) {
                    throw new Rejected("InvalidConfigurationRequest", name + " cannot be enabled");
                }
                if (o.policy(name).map(p -> p instanceof StickinessPolicy).orElse(false) && !l.protocol().supportsCookieStickiness()) {
                    throw new Rejected("InvalidConfigurationRequest", "stickiness on " + l.protocol());
                }
            }
            return with(o, replaceListener(o, l.withPolicyNames(op.policyNames())), o.policies());
        });
        return null;
    }

    @Override
    public Void visit(SetBackendServerPolicies op) {
        update(op.loadBalancer(), o -> {
            for (String name : op.policyNames()) {
                ManagedPolicy policy = o.policy(name).orElseThrow(() -> new Rejected("PolicyNotFound", name));
                if (!policy.kind().enabledOnBackendServers()) {
                    throw new Rejected("InvalidConfigurationRequest", name + " cannot be enabled");
                }
            }
            List<BackendServer> servers = new ArrayList<>(o.backendServers().stream()
                    .filter(b -> b.instancePort() != op.instancePort()).toList());
            servers.add(new BackendServer(op.instancePort(), op.policyNames()));
            return o.withBackendServers(servers);
        });
        return null;
    }

    @Override
    public Void visit(ConfigureHealthCheck op) {
        update(op.loadBalancer(), o -> new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                o.subnets(), o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), op.healthCheck(),
                o.tags(), o.attributes(), o.backendServers()));
        return null;
    }

    @Override
    public Void visit(ModifyAttributes op) {
        update(op.loadBalancer(), o -> {
            Attributes a = o.attributes();
            Attributes d = op.attributes();
            return o.withAttributes(new Attributes(
                    d.crossZoneLoadBalancing() != null ? d.crossZoneLoadBalancing() : a.crossZoneLoadBalancing(),
                    d.connectionDraining() != null ? d.connectionDraining() : a.connectionDraining(),
                    d.idleTimeout() != null ? d.idleTimeout() : a.idleTimeout(),
                    d.accessLog() != null ? d.accessLog() : a.accessLog()));
        });
        return null;
    }

    @Override
    public Void visit(AddTags op) {
        update(op.loadBalancer(), o -> {
            TreeMap<String, String> tags = new TreeMap<>(o.tags());
            tags.putAll(op.tags());
            return o.withTags(tags);
        });
        return null;
    }

    @Override
    public Void visit(RemoveTags op) {
        update(op.loadBalancer(), o -> {
            TreeMap<String, String> tags = new TreeMap<>(o.tags());
            op.keys().forEach(tags::remove);
            return o.withTags(tags);
        });
        return null;
    }

    private void placement(String lb, List<String> zones, List<String> subnets, List<String> groups) {
        update(lb, o -> new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), zones == null ? o.availabilityZones() : zones,
                subnets == null ? o.subnets() : subnets, groups == null ? o.securityGroups() : groups, o.listeners(),
                o.policies(), o.otherPolicies(), o.healthCheck(), o.tags(), o.attributes(), o.backendServers()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    @Override
    public Void visit(ApplySecurityGroups op) {
        placement(op.loadBalancer(), null, null, op.securityGroups());
        return null;
    }

    @Override
    public Void visit(AttachSubnets op) {
        placement(op.loadBalancer(), null, union(existing(op.loadBalancer()).subnets(), op.subnets()), null);
        return null;
    }

    @Override
    public Void visit(DetachSubnets op) {
        placement(op.loadBalancer(), null, minus(existing(op.loadBalancer()).subnets(), op.subnets()), null);
        return null;
    }

    @Override
    public Void visit(EnableAvailabilityZones op) {
        placement(op.loadBalancer(), union(existing(op.loadBalancer()).availabilityZones(), op.zones()), null, null);
        return null;
    }

    @Override
    public Void visit(DisableAvailabilityZones op) {
        placement(op.loadBalancer(), minus(existing(op.loadBalancer()).availabilityZones(), op.zones()), null, null);
        return null;
    }
}
