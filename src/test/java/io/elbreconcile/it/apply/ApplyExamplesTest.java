package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.sdk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped example applies, and applying it again plans nothing and writes nothing. */
@ExtendWith(EmulatorExtension.class)
class ApplyExamplesTest {

    @ParameterizedTest(name = "examples/{0}")
    @ValueSource(strings = {"quickstart", "https-app-cookie", "attach-mode", "tls-policy", "backend-policies"})
    void theExampleConvergesAndASecondApplyMakesNoMutatingCall(String example, EmulatorServer emulator) {
        Path input = Path.of("examples", example);
        if (example.equals("attach-mode")) {
            // legacy-web is owned elsewhere; it exists with the policy that the example removes.
            var elb = sdk(emulator);
            elb.createLoadBalancer(r -> r.loadBalancerName("legacy-web").availabilityZones("us-east-1a").listeners(
                    l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080),
                    l -> l.protocol("HTTP").loadBalancerPort(8080).instanceProtocol("HTTP").instancePort(8080)));
            elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("legacy-web").policyName("legacy-web-app-cookie").cookieName("PHPSESSID"));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("legacy-web").loadBalancerPort(8080).policyNames("legacy-web-app-cookie"));
        }

        Harness.Result first = apply(emulator, input);
        assertEquals(0, first.code(), first.both());
        assertTrue(first.out().contains("Apply complete"), first.both());
        long mutating = emulator.mutatingCallCount();

        Harness.Result second = apply(emulator, input);

        assertEquals(0, second.code(), second.both());
        assertTrue(second.out().contains("No changes."), second.both());
        assertEquals(mutating, emulator.mutatingCallCount(), "the second apply wrote");
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
        Harness.Result drift = Harness.cli(Harness.concat(new String[] {"drift", input.toString()}, Harness.target(emulator)));
        assertEquals(0, drift.code(), "right after apply there is no drift:\n" + drift.both());
    }
}
