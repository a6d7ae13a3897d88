package io.elbreconcile.it.apply;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.planWith;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.port;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A zero-gap replacement killed after each of its mutating calls in turn: the state it leaves keeps
 * stickiness on, and the next ordinary {@code apply} converges and cleans up the temporary policy.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyCrashSafetyTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";

    @TempDir
    Path dir;

    /** One listener: 6 steps (create tmp, swap, delete, create, swap back, delete tmp); two: 8. */
    static Stream<Arguments> crashPoints() {
        Stream<Arguments> oneListener = IntStream.rangeClosed(1, 6).boxed()
                .flatMap(k -> Stream.of(Arguments.of(1, 6, k, 120), Arguments.of(1, 6, k, 60)));
        Stream<Arguments> twoListeners = IntStream.rangeClosed(1, 8).mapToObj(k -> Arguments.of(2, 8, k, 120));
        return Stream.concat(oneListener, twoListeners);
    }

    /**
     * 60 becomes 120 and the apply dies after k mutating calls; the next apply is of 120 (carry on)
     * or of 60 again (the change was reverted in Git meanwhile).
     */
    @ParameterizedTest(name = "{0} listener(s), crash after mutating call {2} of {1}, then apply period {3}")
    @MethodSource("crashPoints")
    void theNextApplyConvergesAfterACrashAtAnyStep(int listeners, int steps, int k, int recoverTo, EmulatorServer emulator) {
        int[] more = IntStream.range(1, listeners).map(i -> 80 + i).toArray();
        Path v2 = write(dir.resolve("v2"), "lb.yaml", quickstart(120, more));
        Path next = write(dir.resolve("next"), "lb.yaml", quickstart(recoverTo, more));
        ElasticLoadBalancingClient elb = sdk(emulator);
        startingPoint(elb, ports(more));
        long mutatingBefore = emulator.mutatingCallCount();

        try (SdkElbPort port = port(emulator)) {
            Plan plan = planWith(port, v2, PlanOptions.defaults());
            assertEquals(steps, plan.steps().size(), () -> "the replacement's steps: " + plan.steps());
            CrashingPort crashing = new CrashingPort(port, k);
            Throwable crash = assertThrows(Throwable.class,
                    () -> new Applier(crashing, 1, ApplyListener.NONE, System::nanoTime).apply(plan, io.elbreconcile.apply.TestSafeguards.permitting(plan)));
            assertTrue(hasCause(crash, CrashingPort.SimulatedCrash.class), () -> "not the simulated crash: " + crash);
            assertEquals(k, crashing.mutatingCalls());
        }
        assertEquals(mutatingBefore + k, emulator.mutatingCallCount(), "exactly k mutating calls reached the emulator");
        Map<String, Map<String, String>> left = policies(elb, LB);
        for (int port : ports(more)) {
            List<String> list = listenerPolicies(elb, LB, port);
            assertEquals(1, list.size(), "the crash left listener " + port + " without stickiness: " + list);
            assertTrue(left.containsKey(list.get(0)), "listener " + port + " names a deleted policy " + list + ": " + left);
        }

        ApplyZeroGapTest.Replay replay = new ApplyZeroGapTest.Replay();
        replay.policies.addAll(left.keySet());
        for (int port : ports(more)) {
            replay.lists.put(port, listenerPolicies(elb, LB, port));
        }
        int from = emulator.callLog().size();

        Harness.Result recovered = apply(emulator, next);

        assertEquals(0, recovered.code(), recovered.both());
        for (var call : Harness.callsSince(emulator, from)) {
            replay.play(call);
            assertEquals("", replay.gap(), () -> "the recovery has a stickiness gap at " + call);
        }
        Map<String, Map<String, String>> after = policies(elb, LB);
        assertTrue(after.keySet().stream().noneMatch(name -> name.contains(Harness.TMP_MARK)), "left behind: " + after.keySet());
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", Integer.toString(recoverTo))), after);
        for (int port : ports(more)) {
            assertEquals(List.of(POLICY), listenerPolicies(elb, LB, port), "listener " + port);
        }
        Harness.Result again = plan(emulator, next, "--detailed-exitcode");
        assertEquals(0, again.code(), again.both());
    }

    /**
     * Eight listeners at parallelism 8: the swaps of each phase run at once, so when the crash
     * comes other workers' writes are racing it. At most k writes reach the emulator (none after
     * the crash point), no listener is left without stickiness, and the next apply converges.
     */
    @ParameterizedTest(name = "8 listeners at parallelism 8, crash after mutating call {0}")
    @ValueSource(ints = {2, 5, 9, 10, 11, 14, 19})
    void writesRacingTheCrashAtParallelismEightNeverReachTheEmulator(int k, EmulatorServer emulator) {
        int[] more = IntStream.rangeClosed(81, 87).toArray();
        Path v2 = write(dir.resolve("v2"), "lb.yaml", quickstart(120, more));
        ElasticLoadBalancingClient elb = sdk(emulator);
        startingPoint(elb, ports(more));
        long mutatingBefore = emulator.mutatingCallCount();

        try (SdkElbPort port = port(emulator)) {
            Plan plan = planWith(port, v2, PlanOptions.defaults());
            assertEquals(20, plan.steps().size(), () -> "create tmp, 8 swaps, delete, create, 8 swaps back, delete tmp: " + plan.steps());
            CrashingPort crashing = new CrashingPort(port, k);
            Throwable crash = assertThrows(Throwable.class,
                    () -> new Applier(crashing, 8, ApplyListener.NONE, System::nanoTime).apply(plan, io.elbreconcile.apply.TestSafeguards.permitting(plan)));
            assertTrue(hasCause(crash, CrashingPort.SimulatedCrash.class), () -> "not the simulated crash: " + crash);
        }
        // Writes let through before the crash may still be cut off in flight (the applier stops its workers), so
        // fewer may land; but never one more.
        long written = emulator.mutatingCallCount() - mutatingBefore;
        assertTrue(written <= k, () -> written + " writes reached the emulator, " + (written - k) + " after the crash point");
        Map<String, Map<String, String>> left = policies(elb, LB);
        for (int port : ports(more)) {
            List<String> list = listenerPolicies(elb, LB, port);
            assertEquals(1, list.size(), "the crash left listener " + port + " without stickiness: " + list);
            assertTrue(left.containsKey(list.get(0)), "listener " + port + " names a deleted policy " + list + ": " + left);
        }

        Harness.Result recovered = apply(emulator, v2, "--parallelism", "8");

        assertEquals(0, recovered.code(), recovered.both());
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")), policies(elb, LB));
        for (int port : ports(more)) {
            assertEquals(List.of(POLICY), listenerPolicies(elb, LB, port), "listener " + port);
        }
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    /** What {@code apply} of the quickstart with period 60 leaves, made directly through the SDK (faster). */
    private static void startingPoint(ElasticLoadBalancingClient elb, int[] ports) {
        elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a").listeners(IntStream.of(ports)
                .mapToObj(p -> software.amazon.awssdk.services.elasticloadbalancing.model.Listener.builder()
                        .protocol("HTTP").loadBalancerPort(p).instanceProtocol("HTTP").instancePort(8080).build())
                .toList()));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName(POLICY).cookieExpirationPeriod(60L));
        for (int port : ports) {
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(port).policyNames(POLICY));
        }
    }

    private static int[] ports(int[] more) {
        return IntStream.concat(IntStream.of(80), IntStream.of(more)).toArray();
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
