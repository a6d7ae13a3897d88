package io.elbreconcile.drift;

import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.StickinessPolicy;
import io.elbreconcile.model.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DriftDetectorTest {

    private static final Target TARGET = new Target("test", "us-east-1", null);
    private static final LbCookiePolicy STICKY = new LbCookiePolicy("sticky", 60);

    private static DesiredState declared(DesiredLoadBalancer... lbs) {
        TreeMap<String, DesiredLoadBalancer> byName = new TreeMap<>();
        for (DesiredLoadBalancer lb : lbs) {
            byName.put(lb.name(), lb);
        }
        return new DesiredState(byName, List.of(), new TreeMap<>());
    }

    private static DesiredLoadBalancer web(StickinessPolicy policy) {
        return new DesiredLoadBalancer("web", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of(policy.name()))),
                null, null, new TreeMap<>(Map.of("team", "web")), false, List.of(policy));
    }

    private static ObservedLoadBalancer observed(String name, List<String> listenerPolicies, List<ManagedPolicy> policies,
                                                 Map<String, String> tags) {
        return new ObservedLoadBalancer(name, name + ".elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, listenerPolicies)), policies, List.of(),
                HealthCheck.AWS_DEFAULT, new TreeMap<>(tags), Attributes.AWS_DEFAULT);
    }

    private static ObservedState world(ObservedLoadBalancer... lbs) {
        TreeMap<String, ObservedLoadBalancer> byName = new TreeMap<>();
        for (ObservedLoadBalancer lb : lbs) {
            byName.put(lb.name(), lb);
        }
        return new ObservedState(byName);
    }

    private static List<String> kinds(DriftReport report) {
        return report.differences().stream().map(d -> d.kind().wire() + " " + d.address()).toList();
    }

    private final DriftDetector detector = new DriftDetector(java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05.678Z"), java.time.ZoneOffset.UTC));

    @Test
    void noDriftWhenRealityMatches() {
        DriftReport report = detector.detect(declared(web(STICKY)),
                world(observed("web", List.of("sticky"), List.of(STICKY), Map.of("team", "web"))), Optional.empty(), TARGET);
        assertFalse(report.hasDrift(), report.differences().toString());
    }

    @Test
    void aMissingLoadBalancerIsOneLine() {
        DriftReport report = detector.detect(declared(web(STICKY)), ObservedState.empty(), Optional.empty(), TARGET);
        assertEquals(List.of("missing LoadBalancer/web"), kinds(report));
    }

    @Test
    void eachKindIsClassified() {
        ObservedState reality = world(
                observed("web", List.of(), List.of(new LbCookiePolicy("sticky", 30), new AppCookiePolicy("stray", "X")),
                        Map.of("team", "web")),
                observed("forgotten", List.of(), List.of(), Map.of("elb-reconcile:stack", "prod")));
        DriftReport report = detector.detect(declared(web(STICKY)), reality, Optional.of("prod"), TARGET);
        assertEquals(List.of(
                "unmanaged LoadBalancer/forgotten",
                "changed LBCookieStickinessPolicy/web/sticky",
                "orphan AppCookieStickinessPolicy/web/stray",
                "detached ListenerPolicies/web/80",
                "changed Tags/web"), kinds(report));
        Difference changed = report.differences().get(1);
        assertEquals(30L, changed.before().get("cookieExpirationPeriod"));
        assertEquals(60L, changed.after().get("cookieExpirationPeriod"));
    }

    @Test
    void aMissingDeclaredPolicyIsMissing() {
        DriftReport report = detector.detect(declared(web(STICKY)),
                world(observed("web", List.of(), List.of(), Map.of("team", "web"))), Optional.empty(), TARGET);
        // Not also "detached": that is a policy that exists but is not on its listener (PRODUCT.md section 7).
        assertEquals(List.of("missing LBCookieStickinessPolicy/web/sticky"), kinds(report));
    }

    @Test
    void attachModePoliciesDriftToo() {
        DesiredState attach = new DesiredState(new TreeMap<>(),
                List.of(new PolicyAttachment("shared", STICKY, List.of(80), true)), new TreeMap<>());
        // The policy exists with its ownership tag (as apply left it) but is on no listener.
        DriftReport report = detector.detect(attach, world(observed("shared", List.of(), List.of(STICKY),
                        Map.of("elb-reconcile:attach:" + STICKY.name(), ""))), Optional.empty(), TARGET);
        assertEquals(List.of("detached ListenerPolicies/shared/80"), kinds(report));
    }
}
