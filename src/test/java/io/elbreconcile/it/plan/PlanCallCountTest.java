package io.elbreconcile.it.plan;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.cli.Main;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.EmulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRODUCT.md section 9 through the real CLI, SDK and emulator: observing N declared load balancers
 * costs at most ceil(N/400) + ceil(N/20) reads, plus one attributes call per load balancer that
 * declares attributes, and never a call per policy. Counted by the emulator, not by the client.
 */
@ExtendWith(EmulatorExtension.class)
@EmulatorOptions(loadBalancerQuota = 5_000)
class PlanCallCountTest {

    @ParameterizedTest(name = "{0} load balancers")
    @ValueSource(ints = {1, 20, 21, 401})
    void planReadsWithinTheBound(int count, EmulatorServer emulator, @TempDir Path dir) throws IOException {
        writeFleet(dir, count, 0);
        assertEquals(ExitCodes.OK, cli(emulator, "apply", dir.toString(), "--auto-approve", "--parallelism", "8"));

        Map<String, Long> before = new HashMap<>(emulator.callCounts());
        long mutatingBefore = emulator.mutatingCallCount();
        assertEquals(ExitCodes.OK, cli(emulator, "plan", dir.toString(), "--detailed-exitcode"), "applied fleet plans no change");
        Map<String, Long> calls = delta(before, emulator.callCounts());

        long bound = ceilDiv(count, 400) + ceilDiv(count, 20);
        long reads = calls.getOrDefault("DescribeLoadBalancers", 0L) + calls.getOrDefault("DescribeTags", 0L);
        assertTrue(reads <= bound, "reads " + calls + " exceed the bound " + bound);
        assertEquals(0, calls.getOrDefault("DescribeLoadBalancerPolicies", 0L), "no call per policy: " + calls);
        assertEquals(0, calls.getOrDefault("DescribeLoadBalancerAttributes", 0L), "no attributes declared: " + calls);
        assertEquals(mutatingBefore, emulator.mutatingCallCount(), "plan never mutates");
    }

    @Test
    void attributesAreReadOnlyWhereDeclared(EmulatorServer emulator, @TempDir Path dir) throws IOException {
        writeFleet(dir, 30, 7);
        assertEquals(ExitCodes.OK, cli(emulator, "apply", dir.toString(), "--auto-approve"));

        Map<String, Long> before = new HashMap<>(emulator.callCounts());
        assertEquals(ExitCodes.OK, cli(emulator, "plan", dir.toString(), "--detailed-exitcode"));
        Map<String, Long> calls = delta(before, emulator.callCounts());

        assertEquals(7, calls.getOrDefault("DescribeLoadBalancerAttributes", 0L), calls.toString());
        assertTrue(calls.getOrDefault("DescribeLoadBalancers", 0L) + calls.getOrDefault("DescribeTags", 0L) <= 1 + 2, calls.toString());
    }

    private static void writeFleet(Path dir, int count, int withAttributes) throws IOException {
        for (int i = 0; i < count; i++) {
            String name = String.format("lb-%04d", i);
            Files.writeString(dir.resolve(name + ".yaml"), """
                    apiVersion: elb-reconcile/v1
                    kind: LoadBalancer
                    metadata: {name: %1$s}
                    spec:
                      availabilityZones: [us-east-1a]
                      listeners: [{protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [%1$s-sticky]}]
                      tags: {index: "%2$d"}
                    %3$s---
                    apiVersion: elb-reconcile/v1
                    kind: LBCookieStickinessPolicy
                    metadata: {name: %1$s-sticky}
                    spec: {loadBalancer: %1$s, cookieExpirationPeriod: %2$d}
                    """.formatted(name, i, i < withAttributes ? "  attributes: {idleTimeout: 120}\n" : ""));
        }
    }

    private static int cli(EmulatorServer emulator, String... args) {
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--endpoint-url";
        full[args.length + 1] = emulator.endpoint().toString();
        full[args.length + 2] = "--region";
        full[args.length + 3] = "us-east-1";
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), full);
        if (code == ExitCodes.ERROR) {
            throw new AssertionError("elb-reconcile " + String.join(" ", args) + " failed:\n" + err);
        }
        return code;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((action, count) -> {
            long d = count - before.getOrDefault(action, 0L);
            if (d != 0) {
                delta.put(action, d);
            }
        });
        return delta;
    }

    private static long ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
