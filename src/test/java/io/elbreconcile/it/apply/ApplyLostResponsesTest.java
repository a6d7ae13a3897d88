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
import java.util.Set;

import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response of a mutating call is lost after the server acted (a dropped connection): the
 * client retries a call that already happened. Policy creation is not idempotent on AWS, so the
 * retry meets DuplicatePolicyName and must be adopted; everything else must simply converge.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyLostResponsesTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";

    @TempDir
    Path dir;

    private static Harness.Result applyThrough(LossyProxy proxy, Path input) {
        return cli("apply", input.toString(), "--auto-approve", "--endpoint-url", proxy.endpoint().toString(),
                "--region", Harness.REGION, "--max-rps", "0", "--no-color");
    }

    @Test
    void creatingWithTheFirstResponseOfEveryActionLostConverges(EmulatorServer emulator) {
        Path input = write(dir, "lb.yaml", quickstart(60));
        Set<String> actions = Set.of("CreateLoadBalancer", "CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener");
        try (LossyProxy proxy = LossyProxy.start(emulator.endpoint(), actions)) {
            Harness.Result result = applyThrough(proxy, input);

            assertEquals(0, result.code(), result.both());
            assertEquals(actions, Set.copyOf(proxy.lost()), "every chosen response was lost once");
            assertTrue(result.out().contains("1 adopted"), "the re-sent policy creation met its own policy:\n" + result.both());
            assertTrue(result.retries() >= 3, result.both());
        }
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
    }

    @Test
    void aZeroGapReplacementWithTheFirstResponseOfEveryActionLostConverges(EmulatorServer emulator) {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        Path v2 = write(dir.resolve("v2"), "lb.yaml", quickstart(120));
        Set<String> actions = Set.of("CreateLBCookieStickinessPolicy", "SetLoadBalancerPoliciesOfListener", "DeleteLoadBalancerPolicy");
        try (LossyProxy proxy = LossyProxy.start(emulator.endpoint(), actions)) {
            Harness.Result result = applyThrough(proxy, v2);

            assertEquals(0, result.code(), result.both());
            assertEquals(actions, Set.copyOf(proxy.lost()));
        }
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")), policies(elb, LB));
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }
}
