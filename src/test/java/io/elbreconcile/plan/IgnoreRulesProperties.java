package io.elbreconcile.plan;

import io.elbreconcile.drift.DriftDetector;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.IgnoreChanges;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Settings;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Over random fleets with random ignore rules: a change behind the tool's back to an ignored field
 * is neither a plan change nor drift (only counted as ignored); a change to any other field is
 * exactly one plan change and exactly one difference.
 */
class IgnoreRulesProperties {

    /** A field another writer may change, the rule that would cover it, and how to change it. */
    private record Mutation(String field, UnaryOperator<ObservedLoadBalancer> change) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("healthCheck.target", lb -> health(lb, h -> new HealthCheck("HTTP:9090/other", h.interval(), h.timeout(),
                    h.healthyThreshold(), h.unhealthyThreshold()))),
            new Mutation("healthCheck.interval", lb -> health(lb, h -> new HealthCheck(h.target(), h.interval() + 7, h.timeout(),
                    h.healthyThreshold(), h.unhealthyThreshold()))),
            new Mutation("healthCheck.timeout", lb -> health(lb, h -> new HealthCheck(h.target(), h.interval(), h.timeout() + 1,
                    h.healthyThreshold(), h.unhealthyThreshold()))),
            new Mutation("healthCheck.healthyThreshold", lb -> health(lb, h -> new HealthCheck(h.target(), h.interval(), h.timeout(),
                    h.healthyThreshold() - 1, h.unhealthyThreshold()))),
            new Mutation("healthCheck.unhealthyThreshold", lb -> health(lb, h -> new HealthCheck(h.target(), h.interval(), h.timeout(),
                    h.healthyThreshold(), h.unhealthyThreshold() + 1))),
            new Mutation("attributes.crossZoneLoadBalancing", lb -> attributes(lb, a -> new Attributes(!a.crossZoneLoadBalancing(),
                    a.connectionDraining(), a.idleTimeout(), a.accessLog()))),
            new Mutation("attributes.connectionDraining", lb -> attributes(lb, a -> new Attributes(a.crossZoneLoadBalancing(),
                    new ConnectionDraining(!a.connectionDraining().enabled(), 120), a.idleTimeout(), a.accessLog()))),
            new Mutation("attributes.idleTimeout", lb -> attributes(lb, a -> new Attributes(a.crossZoneLoadBalancing(),
                    a.connectionDraining(), a.idleTimeout() + 5, a.accessLog()))),
            new Mutation("attributes.accessLog", lb -> attributes(lb, a -> new Attributes(a.crossZoneLoadBalancing(),
                    a.connectionDraining(), a.idleTimeout(), new AccessLog(true, "other-bucket", 5, null)))),
            new Mutation("tags.owner", lb -> tags(lb, t -> t.put("owner", "someone-else"))),
            new Mutation("tags.team", lb -> tags(lb, t -> t.remove("team"))),
            new Mutation("tags.CostCenter", lb -> tags(lb, t -> t.put("CostCenter", "4711"))),
            new Mutation("securityGroups", lb -> new ObservedLoadBalancer(lb.name(), lb.dnsName(), lb.scheme(),
                    lb.availabilityZones(), lb.subnets(), List.of("sg-other"), lb.listeners(), lb.policies(),
                    lb.otherPolicies(), lb.healthCheck(), lb.tags(), lb.attributes())),
            new Mutation("listeners.443.sslCertificateId", lb -> new ObservedLoadBalancer(lb.name(), lb.dnsName(), lb.scheme(),
                    lb.availabilityZones(), lb.subnets(), lb.securityGroups(),
                    lb.listeners().stream().map(l -> l.loadBalancerPort() == 443 ? l.withCertificate("arn:cert-rotated") : l).toList(),
                    lb.policies(), lb.otherPolicies(), lb.healthCheck(), lb.tags(), lb.attributes())));

    private static final List<List<String>> TAG_SETTINGS = List.of(List.of(), List.of("CostCenter"), List.of("Cost*", "ops:*"));

    @Property(tries = 200)
    void onlyChangesToFieldsNoRuleCoversArePlannedOrReported(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> ignoreTags = TAG_SETTINGS.get(random.nextInt(TAG_SETTINGS.size()));
        DesiredState desired = fleet(random, ignoreTags);
        ObservedState built = Fixtures.built(desired);
        assertEquals(false, Fixtures.plan(desired, built).hasChanges(), "a fleet just built has nothing to do");

        String victim = new ArrayList<>(desired.loadBalancers().keySet()).get(random.nextInt(desired.loadBalancers().size()));
        Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        TreeMap<String, ObservedLoadBalancer> changed = new TreeMap<>(built.loadBalancers());
        changed.put(victim, mutation.change().apply(changed.get(victim)));
        ObservedState observed = new ObservedState(changed);

        DesiredLoadBalancer lb = desired.loadBalancers().get(victim);
        boolean ignored = covered(lb.ignoreChanges(), mutation.field())
                || (mutation.field().equals("tags.CostCenter") && desired.settings().ignoresTag("CostCenter"));
        Plan plan = Fixtures.plan(desired, observed);
        long planned = plan.changes().stream().filter(c -> c.action() != Action.NOOP).count();
        DriftReport drift = new DriftDetector(java.time.Clock.systemUTC()).detect(desired, observed, Optional.empty(), Fixtures.TARGET);
        String context = mutation.field() + " on " + victim + " with " + lb.ignoreChanges().paths() + " and ignoreTags "
                + ignoreTags + ": " + plan.changes().stream().filter(c -> c.action() != Action.NOOP).toList();
        assertEquals(ignored ? 0 : 1, planned, context);
        assertEquals(ignored ? 0 : 1, drift.differences().size(), () -> context + " drift " + drift.differences());
        assertEquals(ignored ? 1 : 0, drift.ignored().size(), () -> context + " ignored " + drift.ignored());
    }

    private static boolean covered(IgnoreChanges rules, String field) {
        return rules.paths().contains(field) || (field.startsWith("healthCheck.") && rules.healthCheck());
    }

    private static DesiredState fleet(Random random, List<String> ignoreTags) {
        List<DesiredLoadBalancer> lbs = new ArrayList<>();
        int size = 1 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            List<String> paths = new ArrayList<>();
            for (String path : List.of("healthCheck", "healthCheck.target", "healthCheck.interval", "healthCheck.timeout",
                    "healthCheck.healthyThreshold", "healthCheck.unhealthyThreshold", "attributes.crossZoneLoadBalancing",
                    "attributes.connectionDraining", "attributes.idleTimeout", "attributes.accessLog", "tags.owner", "tags.team",
                    "securityGroups", "listeners.443.sslCertificateId")) {
                if (random.nextInt(path.equals("healthCheck") ? 6 : 3) == 0) {
                    paths.add(path);
                }
            }
            lbs.add(new DesiredLoadBalancer("lb-" + i, Scheme.INTERNET_FACING, List.of(), List.of("subnet-" + i), List.of("sg-" + i),
                    List.of(new Listener(io.elbreconcile.model.Protocol.HTTP, 80, io.elbreconcile.model.Protocol.HTTP, 8080, null, List.of()),
                            Fixtures.https(443, "arn:cert-" + i)),
                    new HealthCheck("HTTP:8080/health", 30, 5, 10, 2),
                    new Attributes(random.nextBoolean(), new ConnectionDraining(true, 300), 60, AccessLog.disabled()),
                    new TreeMap<>(Map.of("team", "t" + i, "owner", "o" + i)), false, List.of(), IgnoreChanges.of(paths)));
        }
        DesiredState plain = Fixtures.desired(lbs.toArray(DesiredLoadBalancer[]::new));
        return new DesiredState(plain.loadBalancers(), plain.attachments(), plain.origins(),
                new Settings(ignoreTags.stream().map(Glob::new).toList()));
    }

    private static ObservedLoadBalancer health(ObservedLoadBalancer lb, UnaryOperator<HealthCheck> change) {
        return new ObservedLoadBalancer(lb.name(), lb.dnsName(), lb.scheme(), lb.availabilityZones(), lb.subnets(),
                lb.securityGroups(), lb.listeners(), lb.policies(), lb.otherPolicies(), change.apply(lb.healthCheck()),
                lb.tags(), lb.attributes());
    }

    private static ObservedLoadBalancer attributes(ObservedLoadBalancer lb, UnaryOperator<Attributes> change) {
        return lb.withAttributes(change.apply(lb.attributes()));
    }

    private static ObservedLoadBalancer tags(ObservedLoadBalancer lb, java.util.function.Consumer<TreeMap<String, String>> change) {
        TreeMap<String, String> tags = new TreeMap<>(lb.tags());
        change.accept(tags);
        return lb.withTags(tags);
    }
}
