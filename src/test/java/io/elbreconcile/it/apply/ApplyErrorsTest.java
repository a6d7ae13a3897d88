package io.elbreconcile.it.apply;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.planWith;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.port;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRODUCT.md section 6, each error provoked for real against the emulator over HTTP. */
@ExtendWith(EmulatorExtension.class)
class ApplyErrorsTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";

    @TempDir
    Path dir;

    private static ApplyReport applyPlan(ElbPort port, Plan plan) {
        return new Applier(port, 4, ApplyListener.NONE, System::nanoTime).apply(plan, io.elbreconcile.apply.TestSafeguards.permitting(plan));
    }

    private static String[] twoLoadBalancers(long period) {
        return new String[] {
                loadBalancer("alpha", "", http(80, 8080, "alpha-sticky")), lbCookie("alpha", "alpha-sticky", period),
                loadBalancer("beta", "", http(80, 8080, "beta-sticky")), lbCookie("beta", "beta-sticky", period)};
    }

    /** A legacy load balancer owned elsewhere (no LoadBalancer document), created through the SDK. */
    private static void legacy(ElasticLoadBalancingClient elb) {
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080),
                l -> l.protocol("TCP").loadBalancerPort(9000).instanceProtocol("TCP").instancePort(9000)));
    }

    private static String attached(String name, int... ports) {
        return lbCookie("legacy", name, 300) + "  listenerPorts: "
                + IntStream.of(ports).mapToObj(Integer::toString).toList() + "\n";
    }

    /** {@code count} LB cookie policies named prefix0, prefix1..., created four at a time. */
    private static void manyPolicies(ElasticLoadBalancingClient elb, String lb, String prefix, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                created.add(pool.submit(() -> elb.createLBCookieStickinessPolicy(
                        r -> r.loadBalancerName(lb).policyName(name).cookieExpirationPeriod(10L))));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("creating the policies failed", e);
        } finally {
            pool.shutdown();
        }
    }

    // ---- LoadBalancerNotFound ---------------------------------------------------------------------

    @Test
    void aMissingLoadBalancerAtPlanTimeIsAnErrorNamingTheDocument(EmulatorServer emulator) {
        Path input = write(dir, "ghost-sticky.yaml", lbCookie("ghost", "ghost-sticky", 60) + "  listenerPorts: [80]\n");

        Harness.Result result = apply(emulator, input);

        assertEquals(1, result.code(), result.both());
        assertTrue(result.err().contains("ghost-sticky.yaml") && result.err().contains("'ghost'"), result.both());
        assertFalse(result.err().contains("\tat "), "no stack trace without --debug");
        assertEquals(0, emulator.mutatingCallCount());
    }

    @Test
    void aLoadBalancerDeletedMidApplyFailsOnlyItsOwnSteps(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lbs.yaml", twoLoadBalancers(60))).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        try (SdkElbPort port = port(emulator)) {
            Plan plan = planWith(port, write(dir.resolve("v2"), "lbs.yaml", twoLoadBalancers(120)), PlanOptions.defaults());
            // Deleted after apply's re-read: only AWS's answer can tell now.
            ApplyReport report = applyPlan(new AfterRereadPort(port, () -> elb.deleteLoadBalancer(r -> r.loadBalancerName("beta"))), plan);

            assertFalse(report.converged(), report.summaryLine());
            assertTrue(report.summaryLine().startsWith("Apply incomplete"), report.summaryLine());
            assertFalse(report.failures().isEmpty());
            for (StepOutcome.Failed failed : report.failures()) {
                assertEquals("beta", failed.step().operation().loadBalancer(), failed.describe());
                assertEquals("LoadBalancerNotFound", failed.code(), failed.describe());
            }
            long alphaSteps = plan.steps().stream().filter(s -> s.operation().loadBalancer().equals("alpha")).count();
            assertTrue(alphaSteps >= 4, "alpha's replacement has steps");
            for (StepOutcome outcome : report.outcomes()) {
                boolean alpha = outcome.step().operation().loadBalancer().equals("alpha");
                if (alpha) {
                    assertInstanceOf(StepOutcome.Applied.class, outcome, outcome.describe());
                } else {
                    assertFalse(outcome instanceof StepOutcome.Applied, "beta is gone, yet: " + outcome.describe());
                }
            }
        }
        assertEquals(Map.of("alpha-sticky", Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")),
                policies(elb, "alpha"), "the other load balancer's replacement still ran to the end");
        assertEquals(List.of("alpha-sticky"), listenerPolicies(elb, "alpha", 80));
    }

    // ---- DuplicatePolicyName ----------------------------------------------------------------------

    /** The quickstart's load balancer without its policy, then a plan that creates the policy. */
    private Plan planThePolicy(EmulatorServer emulator, SdkElbPort port) {
        assertEquals(0, apply(emulator, write(dir.resolve("bare"), "lb.yaml", loadBalancer(LB, "", http(80, 8080)))).code());
        Plan plan = planWith(port, write(dir.resolve("full"), "lb.yaml", quickstart(60)), PlanOptions.defaults());
        assertTrue(plan.steps().stream().anyMatch(s -> s.operation() instanceof CreateLbCookiePolicy), plan.steps().toString());
        return plan;
    }

    private static void createBehindTheBack(ElasticLoadBalancingClient elb, long period) {
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName(POLICY).cookieExpirationPeriod(period));
    }

    @Test
    void anIdenticalPolicyCreatedMeanwhileIsAdoptedAndTheApplyConverges(EmulatorServer emulator) {
        ElasticLoadBalancingClient elb = sdk(emulator);
        try (SdkElbPort port = port(emulator)) {
            Plan plan = planThePolicy(emulator, port);
            ApplyReport report = applyPlan(new AfterRereadPort(port, () -> createBehindTheBack(elb, 60)), plan);

            assertTrue(report.converged(), report.summaryLine() + " " + report.failures());
            assertEquals(1, report.adopted(), report.outcomes().toString());
            assertTrue(report.summaryLine().contains("1 adopted"), report.summaryLine());
        }
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals("60", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
    }

    @Test
    void aDifferentPolicyCreatedMeanwhileFailsTheStepShowingTheDifference(EmulatorServer emulator) {
        ElasticLoadBalancingClient elb = sdk(emulator);
        try (SdkElbPort port = port(emulator)) {
            Plan plan = planThePolicy(emulator, port);
            ApplyReport report = applyPlan(new AfterRereadPort(port, () -> createBehindTheBack(elb, 30)), plan);

            assertFalse(report.converged());
            assertEquals(1, report.failures().size(), report.failures().toString());
            StepOutcome.Failed failed = report.failures().get(0);
            assertInstanceOf(CreateLbCookiePolicy.class, failed.step().operation());
            assertEquals("DuplicatePolicyName", failed.code());
            assertTrue(failed.message().contains("cookieExpirationPeriod=30") && failed.message().contains("cookieExpirationPeriod=60"),
                    failed.message());
            assertTrue(report.outcomes().stream().anyMatch(o -> o instanceof StepOutcome.Skipped
                    && o.step().operation() instanceof SetListenerPolicies), "the list naming the policy waits for it");
        }
        assertEquals(List.of(), listenerPolicies(elb, LB, 80), "a policy with the wrong period was never enabled");
        assertEquals("30", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
    }

    // ---- TooManyPolicies (the emulator allows 100 policies per load balancer: Limits.POLICIES) ----

    @Test
    void tooManyPoliciesFailsNamingTheCountAndTheUnusedOnes(EmulatorServer emulator) {
        ElasticLoadBalancingClient elb = sdk(emulator);
        legacy(elb);
        manyPolicies(elb, "legacy", "unused-", 100);

        Harness.Result result = apply(emulator, write(dir, "attach.yaml", attached("legacy-sticky", 80)));

        assertEquals(1, result.code(), result.both());
        assertTrue(result.err().contains("TooManyPolicies") && result.err().contains("legacy has 100 policies"), result.both());
        assertTrue(result.err().contains("unused-0, unused-1"), result.both());
        assertTrue(result.out().contains("Apply incomplete"), result.both());
        assertEquals(List.of(), listenerPolicies(elb, "legacy", 80));
        assertFalse(policies(elb, "legacy").containsKey("legacy-sticky"));
    }

    @Test
    void onAManagedLoadBalancerOrphansMakeRoomForTheDeclaredPolicy(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        manyPolicies(elb, LB, "orphan-", 99);
        Path v2 = write(dir.resolve("v2"), "lb.yaml",
                loadBalancer(LB, "", http(80, 8080, POLICY), http(81, 8081, "second")),
                lbCookie(LB, POLICY, 60), lbCookie(LB, "second", 5));

        Harness.Result result = apply(emulator, v2, "--allow-delete");

        assertEquals(0, result.code(), result.both());
        assertEquals(List.of(POLICY, "second"), List.copyOf(policies(elb, LB).keySet()));
        assertEquals(List.of("second"), listenerPolicies(elb, LB, 81));
    }

    // ---- InvalidConfigurationRequest ----------------------------------------------------------------

    @Test
    void stickinessOnATcpListenerOfAnExistingLoadBalancerIsRefusedAtPlanTime(EmulatorServer emulator) {
        legacy(sdk(emulator));
        long mutating = emulator.mutatingCallCount();

        Harness.Result result = apply(emulator, write(dir, "attach.yaml", attached("legacy-sticky", 9000)));

        assertEquals(1, result.code(), result.both());
        assertTrue(result.err().contains("listener 9000 of 'legacy' is TCP"), result.both());
        assertFalse(result.err().contains("\tat "), "no stack trace without --debug");
        assertEquals(mutating, emulator.mutatingCallCount(), "a mutating call despite the plan-time error");
    }

    @Test
    void stickinessOnATcpListenerInTheYamlIsRefusedBeforeAnyCall(EmulatorServer emulator) {
        Path input = write(dir, "lb.yaml", loadBalancer(LB, "", Harness.listener("TCP", 80, "TCP", 8080, null, POLICY)),
                lbCookie(LB, POLICY, 60));

        Harness.Result result = apply(emulator, input);

        assertEquals(1, result.code(), result.both());
        assertTrue(result.err().contains("TCP"), result.both());
        assertEquals(List.of(), emulator.callLog(), "validation happens before any call");
    }

    @Test
    void anUnpredictableInvalidConfigurationFailsTheStepWithTheMessageOfAws(EmulatorServer emulator) {
        ElasticLoadBalancingClient elb = sdk(emulator);
        legacy(elb);
        try (SdkElbPort port = port(emulator)) {
            Plan plan = planWith(port, write(dir, "attach.yaml", attached("legacy-sticky", 80)), PlanOptions.defaults());
            // Listener 80 becomes TCP after apply's re-read and before its write: only AWS can say no now.
            ApplyReport report = applyPlan(new AfterRereadPort(port, () -> {
                elb.deleteLoadBalancerListeners(r -> r.loadBalancerName("legacy").loadBalancerPorts(80));
                elb.createLoadBalancerListeners(r -> r.loadBalancerName("legacy").listeners(
                        l -> l.protocol("TCP").loadBalancerPort(80).instanceProtocol("TCP").instancePort(8080)));
            }), plan);

            assertFalse(report.converged());
            assertEquals(1, report.failures().size(), report.failures().toString());
            StepOutcome.Failed failed = report.failures().get(0);
            assertInstanceOf(SetListenerPolicies.class, failed.step().operation());
            assertEquals("InvalidConfigurationRequest", failed.code());
            assertTrue(failed.message().contains("stickiness policies apply only to HTTP/HTTPS listeners"), failed.message());
        }
        assertEquals(List.of(), listenerPolicies(elb, "legacy", 80));
    }

    // ---- Throttling and 5xx -----------------------------------------------------------------------

    @Test
    void throttlingIsRetriedAndCountedInTheSummary() {
        try (EmulatorServer throttled = EmulatorServer.start(EmulatorConfig.embedded(null).withThrottleRate(2))) {
            Path input = write(dir, "lb.yaml", quickstart(60));

            Harness.Result result = apply(throttled, input, "--parallelism", "4");

            assertEquals(0, result.code(), result.both());
            assertTrue(result.retries() >= 1, result.both());
            Harness.Result again = plan(throttled, input, "--detailed-exitcode");
            assertEquals(0, again.code(), again.both());
        }
    }

    @Test
    void serverErrorsAreRetriedAndCountedInTheSummary() {
        try (EmulatorServer failing = EmulatorServer.start(EmulatorConfig.embedded(null).withErrorRate(0.4).withSeed(3))) {
            Path input = write(dir, "lb.yaml", quickstart(60));

            Harness.Result result = apply(failing, input, "--parallelism", "1");

            assertEquals(0, result.code(), result.both());
            assertTrue(result.retries() >= 1, result.both());
            Harness.Result again = plan(failing, input, "--detailed-exitcode");
            assertEquals(0, again.code(), again.both());
        }
    }
    @Test
    void anUnreachableEndpointFailsWithOneLineAndNoStackTrace() throws java.io.IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path input = write(dir, "lb.yaml", quickstart(60));

        Harness.Result result = Harness.cli("apply", input.toString(), "--auto-approve",
                "--endpoint-url", "http://127.0.0.1:" + closed, "--region", Harness.REGION);

        assertEquals(1, result.code(), result.both());
        assertTrue(result.err().lines().anyMatch(l -> l.startsWith("error: ")), result.both());
        assertFalse(result.err().contains("\tat "), "no stack trace without --debug:\n" + result.both());
        assertFalse(result.out().contains("Apply complete"), result.both());
    }
}
