package io.elbreconcile.plan;

import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.StickinessPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.elbreconcile.plan.Fixtures.awsOperationsInOrder;
import static io.elbreconcile.plan.Fixtures.built;
import static io.elbreconcile.plan.Fixtures.desired;
import static io.elbreconcile.plan.Fixtures.http;
import static io.elbreconcile.plan.Fixtures.https;
import static io.elbreconcile.plan.Fixtures.lb;
import static io.elbreconcile.plan.Fixtures.observed;
import static io.elbreconcile.plan.Fixtures.plan;
import static io.elbreconcile.plan.Fixtures.run;
import static io.elbreconcile.plan.Fixtures.tcp;
import static io.elbreconcile.plan.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private static final LbCookiePolicy SEED = new LbCookiePolicy("my-duration-cookie-policy", 60);

    private static DesiredState quickstart(StickinessPolicy policy) {
        return desired(lb("my-load-balancer", List.of(http(80, 8080, policy.name())), List.of(policy),
                new HealthCheck("HTTP:8080/health", 30, 5, 10, 2), null, Map.of("team", "web"), false));
    }

    @Test
    void theSeedExampleFromNothingCreatesThePolicyBeforeEnablingIt() {
        Plan plan = plan(quickstart(SEED), ObservedState.empty());
        List<String> ops = awsOperationsInOrder(plan);
        assertEquals("CreateLoadBalancer", ops.get(0));
        assertTrue(ops.indexOf("CreateLBCookieStickinessPolicy") < ops.indexOf("SetLoadBalancerPoliciesOfListener"), ops.toString());
        assertEquals(4, ops.size(), ops.toString());
        assertTrue(ops.contains("ConfigureHealthCheck"));
        assertEquals(Action.CREATE, change(plan, "LBCookieStickinessPolicy/my-load-balancer/my-duration-cookie-policy").action());
        assertEquals(Map.of("cookieExpirationPeriod", 60L, "type", "LBCookieStickinessPolicyType"),
                change(plan, "LBCookieStickinessPolicy/my-load-balancer/my-duration-cookie-policy").after());
    }

    @Test
    void applyingThePlanConvergesAndTheNextPlanIsEmpty() {
        DesiredState desired = quickstart(SEED);
        ObservedState after = run(plan(desired, ObservedState.empty()), ObservedState.empty(), aws -> { });
        Plan again = plan(desired, after);
        assertFalse(again.hasChanges(), () -> Fixtures.operationsInOrder(again).toString());
        assertTrue(again.changes().stream().allMatch(c -> c.action() == Action.NOOP));
    }

    @Test
    void aChangedPeriodIsReplacedWithoutAMomentWithoutStickiness() {
        ObservedState before = built(quickstart(SEED));
        Plan plan = plan(quickstart(new LbCookiePolicy(SEED.name(), 120)), before);
        assertEquals(List.of(
                "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener", "DeleteLoadBalancerPolicy",
                "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener", "DeleteLoadBalancerPolicy"),
                awsOperationsInOrder(plan));
        ObservedState after = run(plan, before, aws -> {
            Listener l80 = aws.state().loadBalancer("my-load-balancer").orElseThrow().listener(80).orElseThrow();
            assertEquals(1, l80.policyNames().size(), "listener 80 always has exactly one stickiness policy: " + l80);
        });
        assertEquals(Optional.of(new LbCookiePolicy(SEED.name(), 120)),
                after.loadBalancer("my-load-balancer").orElseThrow().policy(SEED.name()));
        assertEquals(1, after.loadBalancer("my-load-balancer").orElseThrow().policies().size(), "temporary removed");
        Change change = change(plan, "LBCookieStickinessPolicy/my-load-balancer/my-duration-cookie-policy");
        assertEquals(Action.REPLACE, change.action());
        assertTrue(change.reasons().stream().anyMatch(r -> r.contains("my-duration-cookie-policy-elbr-tmp")), change.reasons().toString());
    }

    @Test
    void theDirectStrategyDetachesDeletesCreatesAndAttaches() {
        ObservedState before = built(quickstart(SEED));
        Plan plan = plan(quickstart(new LbCookiePolicy(SEED.name(), 120)), before,
                new PlanOptions(Optional.empty(), false, ReplaceStrategy.DIRECT));
        assertEquals(List.of("SetLoadBalancerPoliciesOfListener", "DeleteLoadBalancerPolicy",
                "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener"), awsOperationsInOrder(plan));
        ObservedState after = run(plan, before, aws -> { });
        assertFalse(plan(quickstart(new LbCookiePolicy(SEED.name(), 120)), after).hasChanges());
    }

    @Test
    void aChangeOfPolicyTypeUnderTheSameNameIsAReplacement() {
        ObservedState before = built(quickstart(SEED));
        AppCookiePolicy app = new AppCookiePolicy(SEED.name(), "SESSIONID");
        Plan plan = plan(quickstart(app), before);
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(Optional.of(app), after.loadBalancer("my-load-balancer").orElseThrow().policy(SEED.name()));
    }

    @Test
    void orphansAreDetachedBeforeTheyAreDeleted() {
        ObservedState before = world(observed("my-load-balancer", List.of(http(80, 8080, "old-policy")),
                List.of(new LbCookiePolicy("old-policy", 10)), List.of(), Map.of("team", "web")));
        Plan plan = plan(quickstart(SEED), before);
        Change orphan = change(plan, "LBCookieStickinessPolicy/my-load-balancer/old-policy");
        assertEquals(Action.DELETE, orphan.action());
        assertTrue(orphan.reasons().get(0).startsWith("orphan"), orphan.reasons().toString());
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(List.of(SEED), after.loadBalancer("my-load-balancer").orElseThrow().policies());
    }

    @Test
    void unattachedOrphansAreDeletedBeforeNewPoliciesAreCreated() {
        ObservedState before = world(observed("my-load-balancer", List.of(http(80, 8080)),
                List.of(new LbCookiePolicy("unused", 10)), List.of(), Map.of("team", "web")));
        List<String> ops = awsOperationsInOrder(plan(quickstart(SEED), before));
        assertTrue(ops.indexOf("DeleteLoadBalancerPolicy") < ops.indexOf("CreateLBCookieStickinessPolicy"), ops.toString());
    }

    @Test
    void aListenerThatMustBeRecreatedGetsItsPolicyListBackInTheSameApply() {
        ObservedState before = built(quickstart(SEED));
        DesiredState moved = desired(lb("my-load-balancer", List.of(http(80, 9090, SEED.name())), List.of(SEED),
                new HealthCheck("HTTP:8080/health", 30, 5, 10, 2), null, Map.of("team", "web"), false));
        Plan plan = plan(moved, before);
        assertEquals(List.of("DeleteLoadBalancerListeners", "CreateLoadBalancerListeners", "SetLoadBalancerPoliciesOfListener"),
                awsOperationsInOrder(plan));
        assertEquals(Action.REPLACE, change(plan, "Listener/my-load-balancer/80").action());
        assertTrue(change(plan, "Listener/my-load-balancer/80").reasons().contains("its policy list is restored in the same apply"));
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(List.of(SEED.name()), after.loadBalancer("my-load-balancer").orElseThrow().listener(80).orElseThrow().policyNames());
        assertFalse(plan(moved, after).hasChanges());
    }

    @Test
    void aNewCertificateIsSwitchedInPlace() {
        StickinessPolicy app = new AppCookiePolicy("app", "SESSIONID");
        DesiredState v1 = desired(lb("secure", List.of(https(443, "arn:cert:1", "app")), List.of(app)));
        DesiredState v2 = desired(lb("secure", List.of(https(443, "arn:cert:2", "app")), List.of(app)));
        Plan plan = plan(v2, built(v1));
        assertEquals(List.of("SetLoadBalancerListenerSSLCertificate"), awsOperationsInOrder(plan));
    }

    @Test
    void policiesTheLanguageDoesNotModelKeepTheirPlaceOnTheListener() {
        ObservedState before = world(observed("secure", List.of(https(443, "arn:cert:1", "ELBSecurityPolicy-2016-08")),
                List.of(), List.of("ELBSecurityPolicy-2016-08"), Map.of()));
        StickinessPolicy app = new AppCookiePolicy("app", "SESSIONID");
        Plan plan = plan(desired(lb("secure", List.of(https(443, "arn:cert:1", "app")), List.of(app))), before);
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(List.of("ELBSecurityPolicy-2016-08", "app"),
                after.loadBalancer("secure").orElseThrow().listener(443).orElseThrow().policyNames());
    }

    @Test
    void undeclaredListenersOfAManagedLoadBalancerAreDeleted() {
        ObservedState before = world(observed("my-load-balancer", List.of(http(80, 8080), tcp(9000)), List.of(), List.of(),
                Map.of("team", "web")));
        Plan plan = plan(quickstart(SEED), before);
        assertEquals(Action.DELETE, change(plan, "Listener/my-load-balancer/9000").action());
    }

    @Test
    void tagsAreAuthoritativeButAwsAndToolKeysStay() {
        ObservedState before = world(observed("my-load-balancer", List.of(http(80, 8080, SEED.name())), List.of(SEED), List.of(),
                Map.of("team", "ops", "stray", "x", "aws:cloudformation:stack-name", "s", "elb-reconcile:stack", "prod")));
        Plan plan = plan(quickstart(SEED), before);
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(Map.of("team", "web", "aws:cloudformation:stack-name", "s", "elb-reconcile:stack", "prod"),
                after.loadBalancer("my-load-balancer").orElseThrow().tags());
        List<String> ops = awsOperationsInOrder(plan);
        assertTrue(ops.indexOf("AddTags") > ops.indexOf("ConfigureHealthCheck"), "tags last: " + ops);
    }

    @Test
    void onlyDeclaredAttributesAreSet() {
        Attributes declared = new Attributes(true, new ConnectionDraining(true, 120), null, null);
        DesiredState d = desired(lb("attrs", List.of(http(80, 8080)), List.of(), null, declared, Map.of(), false));
        Plan plan = plan(d, ObservedState.empty());
        Change change = change(plan, "Attributes/attrs");
        assertEquals(Map.of("crossZoneLoadBalancing", true, "connectionDraining.enabled", true, "connectionDraining.timeout", 120L),
                change.after());
        ObservedState after = run(plan, ObservedState.empty(), aws -> { });
        assertEquals(60, after.loadBalancer("attrs").orElseThrow().attributes().idleTimeout(), "undeclared idle timeout untouched");
        assertFalse(plan(d, after).hasChanges());
    }

    @Test
    void attachModeMergesIntoTheListenerAndKeepsEveryOtherPolicy() {
        ObservedState before = world(observed("shared", List.of(http(80, 8080, "ProxyPolicy"), http(81, 8081)),
                List.of(), List.of("ProxyPolicy"), Map.of("owner", "other-team")));
        LbCookiePolicy ours = new LbCookiePolicy("ours", 300);
        DesiredState d = desired(List.of(), List.of(new PolicyAttachment("shared", ours, List.of(80), true)));
        Plan plan = plan(d, before);
        ObservedState after = run(plan, before, aws -> { });
        var lb = after.loadBalancer("shared").orElseThrow();
        assertEquals(List.of("ProxyPolicy", "ours"), lb.listener(80).orElseThrow().policyNames());
        assertEquals(List.of(), lb.listener(81).orElseThrow().policyNames());
        // Nothing else touched but the tag that tells the owner's stack the policy is not an orphan.
        assertEquals(Map.of("owner", "other-team", "elb-reconcile:attach:ours", ""), lb.tags());
        assertFalse(plan(d, after).hasChanges());

        DesiredState gone = desired(List.of(), List.of(new PolicyAttachment("shared", ours, List.of(80), false)));
        ObservedState removed = run(plan(gone, after), after, aws -> { });
        assertEquals(List.of("ProxyPolicy"), removed.loadBalancer("shared").orElseThrow().listener(80).orElseThrow().policyNames());
        assertTrue(removed.loadBalancer("shared").orElseThrow().policies().isEmpty());
    }

    @Test
    void attachModeOnAMissingLoadBalancerNamesTheDocument() {
        DesiredState d = desired(List.of(), List.of(new PolicyAttachment("nowhere", SEED, List.of(80), true)));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> plan(d, ObservedState.empty()));
        String line = error.diagnostics().renderLines().get(0);
        assertTrue(line.startsWith("policies.yaml:3:1: load balancer 'nowhere'"), line);
    }

    @Test
    void attachModeRefusesATcpListenerAndAMissingPort() {
        ObservedState before = world(observed("shared", List.of(tcp(9000)), List.of(), List.of(), Map.of()));
        DesiredState d = desired(List.of(), List.of(new PolicyAttachment("shared", SEED, List.of(9000, 80), true)));
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> plan(d, before));
        assertEquals(2, error.diagnostics().size(), error.diagnostics().renderLines().toString());
    }

    @Test
    void aLeftoverTemporaryPolicyIsCleanedUpWithoutLosingStickiness() {
        // A crash after swapping to the temporary policy and deleting the original.
        ObservedState before = world(observed("my-load-balancer", List.of(http(80, 8080, "my-duration-cookie-policy-elbr-tmp")),
                List.of(new LbCookiePolicy("my-duration-cookie-policy-elbr-tmp", 120)), List.of(), Map.of("team", "web")));
        DesiredState d = quickstart(new LbCookiePolicy(SEED.name(), 120));
        Plan plan = plan(d, before);
        assertTrue(change(plan, "LBCookieStickinessPolicy/my-load-balancer/my-duration-cookie-policy-elbr-tmp").reasons().get(0)
                .contains("leftover temporary"));
        ObservedState after = run(plan, before, aws -> assertEquals(1,
                aws.state().loadBalancer("my-load-balancer").orElseThrow().listener(80).orElseThrow().policyNames().size()));
        assertEquals(List.of(new LbCookiePolicy(SEED.name(), 120)), after.loadBalancer("my-load-balancer").orElseThrow().policies());
    }

    @Test
    void undeclaredStackLoadBalancersAreDeletedOnlyWhenAllowedAndNeverWhenProtected() {
        ObservedState before = world(
                observed("old", List.of(http(80, 8080)), List.of(), List.of(), Map.of("elb-reconcile:stack", "prod")),
                observed("keep", List.of(http(80, 8080)), List.of(), List.of(),
                        Map.of("elb-reconcile:stack", "prod", "elb-reconcile:protect", "true")),
                observed("foreign", List.of(http(80, 8080)), List.of(), List.of(), Map.of()));
        PlanOptions stack = new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP);
        Plan held = plan(desired(), before, stack);
        assertFalse(held.hasChanges());
        assertTrue(held.differs());
        assertEquals(2, held.summary().heldBack(), held.changes().toString());
        assertEquals(0, held.summary().delete(), "a held-back deletion is counted apart");
        Change old = held.changes().stream().filter(c -> c.address().equals(Address.loadBalancer("old"))).findFirst().orElseThrow();
        assertEquals(Action.DELETE, old.action(), "the real action is kept");
        assertEquals(Optional.of(new HeldBack("deletions are not allowed in this run", "--allow-delete")), old.heldBack());
        Change keep = held.changes().stream().filter(c -> c.address().equals(Address.loadBalancer("keep"))).findFirst().orElseThrow();
        assertEquals("removing the tag elb-reconcile:protect from it by hand", keep.heldBack().orElseThrow().needs());
        assertTrue(held.changes().stream().noneMatch(c -> c.address().loadBalancer().equals("foreign")), "not ours: not shown");
        Plan allowed = plan(desired(), before, new PlanOptions(Optional.of("prod"), true, ReplaceStrategy.ZERO_GAP));
        assertEquals(List.of("DeleteLoadBalancer"), awsOperationsInOrder(allowed));
        assertEquals(Address.loadBalancer("old"), allowed.steps().get(0).address());
    }

    @Test
    void aSchemeChangeIsHeldBackWithoutAllowDelete() {
        ObservedState before = built(quickstart(SEED));
        var lb = quickstart(SEED).loadBalancers().get("my-load-balancer");
        var internal = new io.elbreconcile.model.DesiredLoadBalancer(lb.name(), io.elbreconcile.model.Scheme.INTERNAL,
                lb.availabilityZones(), lb.subnets(), lb.securityGroups(), lb.listeners(), lb.healthCheck(), lb.attributes(),
                lb.tags(), lb.protect(), lb.policies());
        Plan plan = plan(desired(internal), before);
        assertFalse(plan.hasChanges());
        Change replace = plan.changes().stream().filter(Change::isHeldBack).findFirst().orElseThrow();
        assertEquals(Action.REPLACE, replace.action());
        assertEquals(Address.loadBalancer("my-load-balancer"), replace.address());
        assertTrue(replace.reasons().get(0).contains("scheme cannot change in place"), replace.toString());
        assertEquals(new HeldBack("replacing deletes it first", "--allow-delete"), replace.heldBack().orElseThrow());
    }

    @Test
    void twoChangedPoliciesThatTradeListenersNeitherDeadlockNorLoseStickiness() {
        LbCookiePolicy a = new LbCookiePolicy("a", 60);
        LbCookiePolicy b = new LbCookiePolicy("b", 60);
        DesiredState before = desired(lb("trade", List.of(http(80, 8080, "a"), https(443, "arn:c", "b")), List.of(a, b)));
        LbCookiePolicy a2 = new LbCookiePolicy("a", 120);
        LbCookiePolicy b2 = new LbCookiePolicy("b", 120);
        DesiredState after = desired(lb("trade", List.of(http(80, 8080, "b"), https(443, "arn:c", "a")), List.of(a2, b2)));
        ObservedState start = built(before);
        Plan plan = plan(after, start);
        ObservedState end = run(plan, start, aws -> {
            var lb = aws.state().loadBalancer("trade").orElseThrow();
            for (int port : List.of(80, 443)) {
                // One stickiness policy at every moment (443 also keeps AWS's default security policy).
                assertEquals(1, lb.listener(port).orElseThrow().policyNames().stream().filter(n -> lb.policy(n).isPresent()).count(),
                        "port " + port + " in " + lb.listeners());
            }
        });
        assertFalse(plan(after, end).hasChanges());
    }

    @Test
    void thePlanIsTheSameValueForTheSameInput() {
        ObservedState before = built(quickstart(SEED));
        DesiredState d = quickstart(new LbCookiePolicy(SEED.name(), 120));
        assertEquals(plan(d, before), plan(d, before));
    }

    private static Change change(Plan plan, String address) {
        return plan.changes().stream().filter(c -> c.address().toString().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + address + " in " + plan.changes()));
    }
}
