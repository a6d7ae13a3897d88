package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quickstart, end to end through the CLI against the emulator over HTTP. */
@ExtendWith(EmulatorExtension.class)
class ApplyQuickstartTest {

    private static final Path QUICKSTART = Path.of("examples", "quickstart");

    @Test
    void applyCreatesTheLoadBalancerThePolicyAndTheListenerList(EmulatorServer emulator) {
        Harness.Result result = apply(emulator, QUICKSTART);

        assertEquals(0, result.code(), result.both());
        assertTrue(result.out().contains("Apply complete"), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of("my-load-balancer"), Harness.loadBalancerNames(elb));
        assertEquals(Map.of("my-duration-cookie-policy",
                        Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "60")),
                policies(elb, "my-load-balancer"));
        assertEquals(List.of("my-duration-cookie-policy"), listenerPolicies(elb, "my-load-balancer", 80));
        assertEquals(8080, Harness.listenerOn(elb, "my-load-balancer", 80).listener().instancePort());
        // Progress on stderr: one line per step with its duration, in the order the emulator saw them.
        List<String> progress = result.err().lines().filter(l -> l.matches("\\[\\d/3] done .* \\(\\d+ ms\\)")).toList();
        assertEquals(3, progress.size(), result.both());
        assertEquals(List.of("CreateLoadBalancer", "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener"),
                Harness.actions(emulator.callLog()).stream().filter(a -> !a.startsWith("Describe")).toList());
        assertTrue(result.out().contains("Apply complete: 3 done, 0 failed, 0 skipped, 0 retries"), result.both());
    }

    @Test
    void aSecondApplyChangesNothingAndMakesNoMutatingCall(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, QUICKSTART).code());
        long mutatingBefore = emulator.mutatingCallCount();
        int callsBefore = emulator.callLog().size();

        Harness.Result again = apply(emulator, QUICKSTART);

        assertEquals(0, again.code(), again.both());
        assertTrue(again.out().contains("No changes."), again.both());
        assertEquals(mutatingBefore, emulator.mutatingCallCount(), () -> "mutating calls on the second apply: "
                + Harness.actions(Harness.callsSince(emulator, callsBefore)));
        assertTrue(emulator.callLog().size() > callsBefore, "the second apply did observe the world");
        assertEquals(0, plan(emulator, QUICKSTART, "--detailed-exitcode").code());
    }
}
