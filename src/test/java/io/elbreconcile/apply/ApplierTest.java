package io.elbreconcile.apply;

import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplierTest {

    private static DesiredLoadBalancer lb(String name) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky"))),
                new HealthCheck("HTTP:8080/", 30, 5, 10, 2), null, new TreeMap<>(Map.of("team", "web")), false,
                List.of(new LbCookiePolicy("sticky", 60)));
    }

    private static Plan planFromNothing(String... names) {
        TreeMap<String, DesiredLoadBalancer> lbs = new TreeMap<>();
        for (String name : names) {
            lbs.put(name, lb(name));
        }
        return new Planner().plan(new DesiredState(lbs, List.of(), new TreeMap<>()), ObservedState.empty(),
                PlanOptions.defaults(), new Target("test", "us-east-1", null));
    }

    private static ApplyReport apply(RecordingPort port, Plan plan, int parallelism) {
        return new Applier(port, parallelism, ApplyListener.NONE, System::nanoTime).apply(plan, TestSafeguards.permitting(plan));
    }

    @Test
    void stepsRunInDependencyOrderAndConverge() {
        RecordingPort port = new RecordingPort();
        ApplyReport report = apply(port, planFromNothing("web"), 1);
        assertTrue(report.converged(), report.summaryLine());
        assertEquals(List.of("CreateLoadBalancer web", "CreateLBCookieStickinessPolicy web/sticky",
                "SetLoadBalancerPoliciesOfListener web/80=[sticky]", "ConfigureHealthCheck web"), port.calls);
        assertEquals(4, report.applied());
    }

    @Test
    void aFailedStepSkipsOnlyItsDependents() {
        RecordingPort port = new RecordingPort()
                .failing("CreateLBCookieStickinessPolicy a/sticky", ErrorKind.LOAD_BALANCER_NOT_FOUND,
                        "LoadBalancerNotFound", "There is no ACTIVE Load Balancer named 'a'");
        List<String> progress = new ArrayList<>();
        Plan plan = planFromNothing("a", "b");
        ApplyReport report = new Applier(port, 4, new ApplyListener() {
            @Override
            public void finished(StepOutcome outcome) {
                synchronized (progress) {
                    progress.add(outcome.describe());
                }
            }
        }, System::nanoTime).apply(plan, TestSafeguards.permitting(plan));
        assertFalse(report.converged());
        assertEquals(1, report.failures().size());
        assertEquals(1, report.skipped(), "only a's list step waits for the failed policy");
        assertEquals(6, report.applied(), "everything of b and a's other steps still ran");
        assertTrue(port.calls.contains("SetLoadBalancerPoliciesOfListener b/80=[sticky]"));
        assertFalse(port.calls.contains("SetLoadBalancerPoliciesOfListener a/80=[sticky]"));
        assertEquals(8, progress.size(), "one progress line per step");
        assertTrue(report.failures().get(0).message().contains("There is no ACTIVE Load Balancer named 'a'"));
    }

    @Test
    void rejectedCredentialsStopTheRun() {
        RecordingPort port = new RecordingPort().failing("CreateLoadBalancer a", ErrorKind.REJECTED,
                "ExpiredToken", "The security token included in the request is expired");
        ApplyReport report = apply(port, planFromNothing("a", "b", "c"), 1);
        assertEquals(List.of("CreateLoadBalancer a"), port.calls, "nothing after the rejection");
        assertEquals(11, report.skipped());
        assertTrue(report.abortReason().contains("expired"), report.abortReason());
    }

    @Test
    void anIdenticalExistingPolicyIsAdopted() {
        ObservedLoadBalancer existing = observed(new LbCookiePolicy("sticky", 60));
        RecordingPort port = new RecordingPort().describing(existing)
                .failing("CreateLBCookieStickinessPolicy web/sticky", ErrorKind.DUPLICATE_POLICY_NAME,
                        "DuplicatePolicyName", "Policy Name [sticky] already exists.");
        ApplyReport report = apply(port, planFromNothing("web"), 1);
        assertTrue(report.converged(), report.summaryLine());
        assertEquals(1, report.adopted());
    }

    @Test
    void aDifferentExistingPolicyFailsShowingTheDifference() {
        ObservedLoadBalancer existing = observed(new LbCookiePolicy("sticky", 30));
        RecordingPort port = new RecordingPort().describing(existing)
                .failing("CreateLBCookieStickinessPolicy web/sticky", ErrorKind.DUPLICATE_POLICY_NAME,
                        "DuplicatePolicyName", "Policy Name [sticky] already exists.");
        ApplyReport report = apply(port, planFromNothing("web"), 1);
        String message = report.failures().get(0).message();
        assertTrue(message.contains("cookieExpirationPeriod=30") && message.contains("cookieExpirationPeriod=60"), message);
    }

    @Test
    void tooManyPoliciesNamesTheCountAndThePoliciesEnabledNowhere() {
        ObservedLoadBalancer existing = observed(new LbCookiePolicy("unused-1", 5), new LbCookiePolicy("unused-2", 5));
        RecordingPort port = new RecordingPort().describing(existing)
                .failing("CreateLBCookieStickinessPolicy web/sticky", ErrorKind.TOO_MANY_POLICIES,
                        "TooManyPolicies", "Exceeded policy limit");
        StepOutcome.Failed failed = apply(port, planFromNothing("web"), 1).failures().get(0);
        assertTrue(failed.message().contains("web has 2 policies"), failed.message());
        assertTrue(failed.message().contains("unused-1, unused-2"), failed.message());
        assertInstanceOf(StepOutcome.Failed.class, failed);
    }

    private static ObservedLoadBalancer observed(LbCookiePolicy... policies) {
        return new ObservedLoadBalancer("web", "web.elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of())), List.of(policies), List.of(),
                HealthCheck.AWS_DEFAULT, new TreeMap<>(), Attributes.AWS_DEFAULT);
    }
}
