package io.elbreconcile.it.inputs;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages show at most 120 characters of a value from the input or the target, then "…" (PRODUCT.md section 11). */
@ExtendWith(EmulatorExtension.class)
class MessageValuesCappedTest {

    @TempDir
    Path dir;

    private static String loadBalancer(String name, String tagValue) {
        return """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata:
                  name: "%s"
                spec:
                  availabilityZones: [us-east-1a]
                  listeners:
                    - protocol: HTTP
                      loadBalancerPort: 80
                      instanceProtocol: HTTP
                      instancePort: 80
                  tags:
                    team: "%s"
                """.formatted(name, tagValue);
    }

    @Test
    void aHugeNameFromTheInputIsShownCapped(EmulatorServer emulator) throws IOException {
        Path input = Files.writeString(dir.resolve("web.yaml"), loadBalancer("a".repeat(200_000) + "\\e[2J", "web"));

        Cli.Result result = Cli.against(emulator, "plan", input.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals("error: " + input + ":4:9: load balancer name '" + "a".repeat(120) + "…' is 200004 characters; the limit is 32",
                result.errLines().get(0));
        assertEquals(2, result.errLines().size(), "the problem and the summary: " + result.err().length() + " characters");
        assertEquals(0, emulator.mutatingCallCount());
    }

    @Test
    void aLineBreakInAValueCannotForgeASecondLine(EmulatorServer emulator) throws IOException {
        Path input = Files.writeString(dir.resolve("web.yaml"), loadBalancer("web\\nerror: forged\\e[31m", "web"));

        Cli.Result result = Cli.run("validate", input.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals("error: " + input + ":4:9: load balancer name 'web\\nerror: forged\\u001b[31m' may contain only letters,"
                + " digits and hyphens", result.errLines().get(0));
        assertEquals(2, result.errLines().size(), result.toString());
    }

    @Test
    void aLongValueFromTheTargetIsShownCappedInThePlan(EmulatorServer emulator) throws IOException {
        String remote = "r".repeat(256); // AWS's longest tag value; a proxy could send longer
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a")
                    .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80))
                    .tags(t -> t.key("team").value(remote)));
        }
        Path input = Files.writeString(dir.resolve("web.yaml"), loadBalancer("web", "web"));

        Cli.Result result = Cli.against(emulator, "plan", input.toString(), "--no-color");

        assertEquals(ExitCodes.OK, result.code(), result.toString());
        assertTrue(result.out().contains("\"" + "r".repeat(120) + "…\""), result.out());
        assertFalse(result.out().contains("r".repeat(121)), result.out());
    }
}
