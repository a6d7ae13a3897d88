package io.elbreconcile.plan;

import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.SslNegotiationPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.elbreconcile.plan.Fixtures.awsOperationsInOrder;
import static io.elbreconcile.plan.Fixtures.built;
import static io.elbreconcile.plan.Fixtures.desired;
import static io.elbreconcile.plan.Fixtures.https;
import static io.elbreconcile.plan.Fixtures.lb;
import static io.elbreconcile.plan.Fixtures.observed;
import static io.elbreconcile.plan.Fixtures.plan;
import static io.elbreconcile.plan.Fixtures.run;
import static io.elbreconcile.plan.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's rules for SSL negotiation policies, against the simulated ELB (no server). */
class SslNegotiationPlannerTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/x";
    private static final String AWS_DEFAULT = "ELBSecurityPolicy-2016-08";
    private static final LbCookiePolicy STICKY = new LbCookiePolicy("sticky", 60);

    private static io.elbreconcile.model.DesiredState shop(SslNegotiationPolicy tls) {
        return desired(lb("shop", List.of(https(443, CERT, tls.name(), STICKY.name()), https(8443, CERT, tls.name(), STICKY.name())),
                List.<ManagedPolicy>of(tls, STICKY)));
    }

    private static Change change(Plan plan, String address) {
        return plan.changes().stream().filter(c -> c.address().toString().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void aNewListenerGetsTheDeclaredPolicyInsteadOfAwsDefaultAndTheNextPlanIsEmpty() {
        io.elbreconcile.model.DesiredState desired = shop(SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-TLS-1-2-2017-01"));
        Plan plan = plan(desired, ObservedState.empty());

        List<String> ops = awsOperationsInOrder(plan);
        assertTrue(ops.indexOf("CreateLoadBalancerPolicy") < ops.indexOf("SetLoadBalancerPoliciesOfListener"), ops.toString());
        ObservedState after = run(plan, ObservedState.empty(), aws -> { });
        assertEquals(List.of("tls", "sticky"), after.loadBalancer("shop").orElseThrow().listener(443).orElseThrow().policyNames());
        assertFalse(plan(desired, after).hasChanges());
    }

    @Test
    void aListenerWithoutSslPolicyKeepsTheOneItHasAndItIsNoOrphan() {
        SslNegotiationPolicy theirs = SslNegotiationPolicy.ofReference("their-tls", "ELBSecurityPolicy-2015-05");
        ObservedState before = world(observed("shop", List.of(https(443, CERT, "their-tls", "sticky")),
                List.<ManagedPolicy>of(theirs, STICKY), List.of(AWS_DEFAULT), Map.of()));
        io.elbreconcile.model.DesiredState desired = desired(lb("shop", List.of(https(443, CERT, "sticky")), List.<ManagedPolicy>of(STICKY)));

        Plan plan = plan(desired, before);

        assertFalse(plan.hasChanges(), () -> awsOperationsInOrder(plan).toString());
    }

    @Test
    void anUndeclaredSslPolicyOnNoListenerIsAnOrphan() {
        ObservedState before = world(observed("shop", List.of(https(443, CERT, AWS_DEFAULT, "sticky")),
                List.<ManagedPolicy>of(SslNegotiationPolicy.ofReference("spare", "ELBSecurityPolicy-2015-05"), STICKY),
                List.of(AWS_DEFAULT), Map.of()));
        io.elbreconcile.model.DesiredState desired = desired(lb("shop", List.of(https(443, CERT, "sticky")), List.<ManagedPolicy>of(STICKY)));

        Plan plan = plan(desired, before);

        assertEquals(Action.DELETE, change(plan, "SSLNegotiationPolicy/shop/spare").action());
        assertEquals(List.of("DeleteLoadBalancerPolicy"), awsOperationsInOrder(plan), "AWS's own policy is left alone");
    }

    @Test
    void aChangedPolicyGoesThroughATemporaryCopyEvenWithTheDirectStrategy() {
        ObservedState before = built(shop(SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-2016-08")));
        SslNegotiationPolicy explicit = new SslNegotiationPolicy("tls", null, List.of("TLSv1.2"),
                List.of("ECDHE-RSA-AES128-GCM-SHA256"), true);

        Plan plan = plan(shop(explicit), before, new PlanOptions(Optional.empty(), false, ReplaceStrategy.DIRECT));

        assertEquals(Action.REPLACE, change(plan, "SSLNegotiationPolicy/shop/tls").action());
        ObservedState after = run(plan, before, aws -> {
            for (Listener listener : aws.state().loadBalancer("shop").orElseThrow().listeners()) {
                long ssl = listener.policyNames().stream().filter(n -> n.startsWith("tls")).count();
                assertEquals(1, ssl, "listener " + listener.loadBalancerPort() + " has one SSL policy: " + listener.policyNames());
            }
        });
        assertEquals(Optional.of(explicit), after.loadBalancer("shop").orElseThrow().policy("tls"));
        assertEquals(2, after.loadBalancer("shop").orElseThrow().policies().size(), "temporary copy removed");
        assertFalse(plan(shop(explicit), after).hasChanges());
    }
}
