package io.elbreconcile.plan;

import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.testing.PublicKeys;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.model.StickinessPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the pure planner over random pairs of states: carrying out a plan in the AWS model
 * never breaks an AWS rule, converges (the next plan is empty), and never leaves a listener that
 * keeps its stickiness without a cookie policy at any moment.
 */
class PlannerProperties {

    @Property(tries = 1000)
    void applyingAPlanConvergesWithoutBreakingAnAwsRule(@ForAll long seed, @ForAll boolean direct) {
        Random random = new Random(seed);
        DesiredState desired = randomDesired(random);
        ObservedState observed = perturb(Fixtures.built(randomDesired(random)), random);
        PlanOptions options = new PlanOptions(Optional.empty(), false, direct ? ReplaceStrategy.DIRECT : ReplaceStrategy.ZERO_GAP);

        Plan plan = Fixtures.plan(desired, observed, options);
        ObservedState after = Fixtures.run(plan, observed, aws -> { });
        Plan again = Fixtures.plan(desired, after, options);
        assertFalse(again.hasChanges(), () -> "not converged; second plan: " + Fixtures.operationsInOrder(again)
                + "\nfirst plan: " + Fixtures.operationsInOrder(plan));
    }

    @Property(tries = 1000)
    void stickinessThatStaysIsNeverInterruptedWithZeroGap(@ForAll long seed) {
        Random random = new Random(seed);
        DesiredState desired = randomDesired(random);
        ObservedState observed = perturb(Fixtures.built(randomDesired(random)), random);
        Plan plan = Fixtures.plan(desired, observed);
        Map<String, Set<Integer>> keepsStickiness = listenersThatKeepStickiness(desired, observed);
        Fixtures.run(plan, observed, aws -> keepsStickiness.forEach((lb, ports) -> {
            ObservedLoadBalancer now = aws.state().loadBalancer(lb).orElseThrow();
            for (int port : ports) {
                Listener listener = now.listener(port).orElseThrow();
                assertTrue(listener.policyNames().stream().anyMatch(name -> now.policy(name).isPresent()),
                        () -> lb + ":" + port + " lost stickiness during " + Fixtures.operationsInOrder(plan));
            }
        }));
    }

    /** An HTTPS listener that keeps a declared SSL policy names exactly one SSL policy after every call. */
    @Property(tries = 1000)
    void anHttpsListenerIsNeverWithoutAnSslPolicy(@ForAll long seed, @ForAll boolean direct) {
        Random random = new Random(seed);
        DesiredState desired = randomDesired(random);
        ObservedState observed = perturb(Fixtures.built(randomDesired(random)), random);
        Plan plan = Fixtures.plan(desired, observed,
                new PlanOptions(Optional.empty(), false, direct ? ReplaceStrategy.DIRECT : ReplaceStrategy.ZERO_GAP));
        Map<String, Set<Integer>> watched = new HashMap<>();
        desired.loadBalancers().values().forEach(lb -> observed.loadBalancer(lb.name()).ifPresent(current -> {
            Optional<Listener> wanted = lb.listener(443);
            Optional<Listener> existing = current.listener(443);
            if (wanted.isPresent() && existing.isPresent() && !existing.get().needsRecreationToBecome(wanted.get())
                    && current.scheme() == lb.scheme()) {
                watched.computeIfAbsent(lb.name(), k -> new HashSet<>()).add(443);
            }
        }));
        Fixtures.run(plan, observed, aws -> watched.forEach((lb, ports) -> {
            ObservedLoadBalancer now = aws.state().loadBalancer(lb).orElseThrow();
            for (int port : ports) {
                List<String> names = now.listener(port).orElseThrow().policyNames();
                long ssl = names.stream().filter(n -> SecurityPolicies.isAwsName(n)
                        || now.policy(n).map(p -> p.kind() == PolicyKind.SSL_NEGOTIATION).orElse(false)).count();
                assertEquals(1, ssl, () -> lb + ":" + port + " has " + names + " during " + Fixtures.operationsInOrder(plan));
            }
        }));
    }

    /**
     * An instance port that has a proxy protocol or authentication policy and keeps one names
     * exactly one of that kind after every call, existing, with every key it names existing.
     */
    @Property(tries = 1000)
    void anInstancePortIsNeverWithoutItsBackEndPolicy(@ForAll long seed, @ForAll boolean direct) {
        Random random = new Random(seed);
        DesiredState desired = randomDesired(random);
        ObservedState observed = perturb(Fixtures.built(randomDesired(random)), random);
        Plan plan = Fixtures.plan(desired, observed,
                new PlanOptions(Optional.empty(), false, direct ? ReplaceStrategy.DIRECT : ReplaceStrategy.ZERO_GAP));
        Map<String, Map<Integer, PolicyKind>> watched = new HashMap<>();
        desired.loadBalancers().values().forEach(lb -> observed.loadBalancer(lb.name()).ifPresent(current -> {
            for (BackendServer server : lb.backendServers() == null ? List.<BackendServer>of() : lb.backendServers()) {
                for (String name : server.policyNames()) {
                    PolicyKind kind = lb.policy(name).orElseThrow().kind();
                    boolean hasOne = current.backendPolicies(server.instancePort()).stream()
                            .anyMatch(n -> current.policy(n).map(p -> p.kind() == kind).orElse(false));
                    if (hasOne) {
                        watched.computeIfAbsent(lb.name(), k -> new HashMap<>()).put(server.instancePort(), kind);
                    }
                }
            }
        }));
        Fixtures.run(plan, observed, aws -> watched.forEach((lb, ports) -> {
            ObservedLoadBalancer now = aws.state().loadBalancer(lb).orElseThrow();
            ports.forEach((port, kind) -> {
                List<ManagedPolicy> ofKind = now.backendPolicies(port).stream().map(n -> now.policy(n).orElseThrow())
                        .filter(p -> p.kind() == kind).toList();
                assertEquals(1, ofKind.size(), () -> lb + ":" + port + " has " + now.backendPolicies(port) + " during "
                        + Fixtures.operationsInOrder(plan));
                ofKind.get(0).referencedPolicies().forEach(key -> assertTrue(now.policy(key).isPresent(), key + " exists"));
            });
        }));
    }

    @Property(tries = 200)
    void aPlanOfEqualStatesIsEmpty(@ForAll long seed) {
        DesiredState desired = randomDesired(new Random(seed));
        Plan plan = Fixtures.plan(desired, Fixtures.built(desired));
        assertFalse(plan.hasChanges(), () -> Fixtures.operationsInOrder(plan).toString());
        assertTrue(plan.changes().stream().allMatch(c -> c.action() == Action.NOOP));
    }

    @Property(tries = 200)
    void everyStepRunsAfterItsPrerequisites(@ForAll long seed) {
        Random random = new Random(seed);
        Plan plan = Fixtures.plan(randomDesired(random), perturb(Fixtures.built(randomDesired(random)), random));
        List<String> order = StepGraph.of(plan).executionOrder().stream().map(Step::id).toList();
        assertEquals(plan.steps().size(), order.size());
        for (Step step : plan.steps()) {
            for (String prerequisite : step.dependsOn()) {
                assertTrue(order.indexOf(prerequisite) < order.indexOf(step.id()), prerequisite + " before " + step.id());
            }
        }
    }

    /** Existing, not re-created listeners with a cookie policy before and after. */
    private static Map<String, Set<Integer>> listenersThatKeepStickiness(DesiredState desired, ObservedState observed) {
        Map<String, Set<Integer>> result = new HashMap<>();
        for (DesiredLoadBalancer lb : desired.loadBalancers().values()) {
            ObservedLoadBalancer current = observed.loadBalancers().get(lb.name());
            if (current == null || current.scheme() != lb.scheme()) {
                continue;
            }
            for (Listener wanted : lb.listeners()) {
                Optional<Listener> existing = current.listener(wanted.loadBalancerPort());
                boolean hadCookie = existing.isPresent()
                        && existing.get().policyNames().stream().anyMatch(n -> current.policy(n).isPresent());
                if (hadCookie && !existing.get().needsRecreationToBecome(wanted) && !wanted.policyNames().isEmpty()) {
                    result.computeIfAbsent(lb.name(), k -> new HashSet<>()).add(wanted.loadBalancerPort());
                }
            }
        }
        return result;
    }

    static DesiredState randomDesired(Random random) {
        List<DesiredLoadBalancer> lbs = new ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma")) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            List<ManagedPolicy> policies = new ArrayList<>();
            if (random.nextBoolean()) {
                policies.add(new LbCookiePolicy("duration", List.of(0L, 60L, 120L).get(random.nextInt(3))));
            }
            if (random.nextBoolean()) {
                policies.add(new AppCookiePolicy("app", random.nextBoolean() ? "SESSIONID" : "JSESSIONID"));
            }
            if (random.nextBoolean()) {
                policies.add(random.nextBoolean() ? new LbCookiePolicy("spare", 30) : new AppCookiePolicy("spare", "X"));
            }
            List<String> names = new ArrayList<>(policies.stream().map(ManagedPolicy::name).toList());
            java.util.Collections.shuffle(names, random);
            List<Listener> listeners = new ArrayList<>();
            if (random.nextInt(5) > 0) {
                listeners.add(Fixtures.http(80, random.nextBoolean() ? 8080 : 9090, pick(names, random)));
            }
            if (random.nextBoolean()) {
                List<String> onHttps = new ArrayList<>(List.of(pick(names, random)));
                if (random.nextBoolean()) {
                    SslNegotiationPolicy tls = randomTls(random);
                    policies.add(tls);
                    onHttps.add(0, tls.name());
                }
                listeners.add(Fixtures.https(443, random.nextBoolean() ? "arn:cert:1" : "arn:cert:2", onHttps.toArray(String[]::new)));
            }
            if (random.nextBoolean() || listeners.isEmpty()) {
                listeners.add(Fixtures.tcp(9000));
            }
            if (random.nextBoolean()) {
                listeners.add(new Listener(Protocol.SSL, 8443, Protocol.SSL, 8443, "arn:cert:1", List.of()));
            }
            List<BackendServer> backends = randomBackends(random, listeners, policies);
            HealthCheck healthCheck = random.nextBoolean() ? null
                    : new HealthCheck(random.nextBoolean() ? "HTTP:8080/health" : "TCP:8080", 30, 5, 10, 2);
            Attributes attributes = random.nextBoolean() ? null
                    : new Attributes(random.nextBoolean(), random.nextBoolean() ? null : new ConnectionDraining(true, 60),
                    random.nextBoolean() ? null : 120, null);
            Map<String, String> tags = new TreeMap<>();
            if (random.nextBoolean()) {
                tags.put("team", random.nextBoolean() ? "web" : "ops");
            }
            DesiredLoadBalancer lb = Fixtures.lb(name, listeners, policies, healthCheck, attributes, tags, random.nextBoolean());
            lbs.add(backends == null ? lb : lb.withBackendServers(backends));
        }
        return Fixtures.desired(lbs, List.of());
    }

    /**
     * Proxy protocol on the TCP listener's instance port, back-end authentication (one or two keys,
     * each one of two key texts) on the SSL one's; declared in {@code policies}; the port lists
     * returned, or null (one time in four) for a load balancer that does not declare them.
     */
    private static List<BackendServer> randomBackends(Random random, List<Listener> listeners, List<ManagedPolicy> policies) {
        List<BackendServer> backends = new ArrayList<>();
        if (listeners.stream().anyMatch(l -> l.instancePort() == 9000) && random.nextBoolean()) {
            policies.add(ProxyProtocolPolicy.enabled("proxy"));
            backends.add(new BackendServer(9000, List.of("proxy")));
        }
        if (listeners.stream().anyMatch(l -> l.instancePort() == 8443) && random.nextBoolean()) {
            policies.add(new PublicKeyPolicy("key", random.nextBoolean() ? PublicKeys.FIRST : PublicKeys.SECOND));
            List<String> keys = new ArrayList<>(List.of("key"));
            if (random.nextBoolean()) {
                policies.add(new PublicKeyPolicy("key2", random.nextBoolean() ? PublicKeys.FIRST : PublicKeys.SECOND));
                keys.add("key2");
            }
            policies.add(new BackendAuthenticationPolicy("auth", keys));
            backends.add(new BackendServer(8443, List.of("auth")));
        }
        return random.nextInt(4) == 0 ? null : backends;
    }

    /** An SSL negotiation policy in one of a few forms, so that changing it means replacing it. */
    private static SslNegotiationPolicy randomTls(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-2016-08");
            case 1 -> SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-TLS-1-2-2017-01");
            default -> new SslNegotiationPolicy("tls", null, List.of("TLSv1.2"), List.of("ECDHE-RSA-AES128-GCM-SHA256"), true);
        };
    }

    private static String[] pick(List<String> names, Random random) {
        if (names.isEmpty() || random.nextInt(4) == 0) {
            return new String[0];
        }
        return new String[] {names.remove(0)};
    }

    /** Things a real account holds that no plan of ours made: orphans, leftovers of a crash. */
    private static ObservedState perturb(ObservedState state, Random random) {
        Map<String, ObservedLoadBalancer> lbs = new TreeMap<>(state.loadBalancers());
        lbs.replaceAll((name, lb) -> {
            List<ManagedPolicy> policies = new ArrayList<>(lb.policies());
            List<Listener> listeners = new ArrayList<>(lb.listeners());
            if (random.nextInt(3) == 0) {
                policies.add(new LbCookiePolicy("orphan", 5));
            }
            if (random.nextInt(4) == 0 && policies.stream().noneMatch(p -> p.name().equals("duration-elbr-tmp"))) {
                policies.add(new LbCookiePolicy("duration-elbr-tmp", 120));
                // A crash right after the swap: the listener points at the temporary policy.
                if (random.nextBoolean()) {
                    listeners.replaceAll(l -> l.protocol().supportsCookieStickiness() && l.loadBalancerPort() == 80
                            ? l.withPolicyNames(List.of("duration-elbr-tmp")) : l);
                }
            }
            return new ObservedLoadBalancer(lb.name(), lb.dnsName(), lb.scheme(), lb.availabilityZones(), lb.subnets(),
                    lb.securityGroups(), listeners, policies, lb.otherPolicies(), lb.healthCheck(), lb.tags(), lb.attributes(),
                    lb.backendServers());
        });
        return new ObservedState(new TreeMap<>(lbs));
    }
}
