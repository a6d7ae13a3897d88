package io.elbreconcile.it.importer;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.elbreconcile.it.importer.ImportCommandTest.ACM_CERT;
import static io.elbreconcile.testing.PolicyAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSL 2.0: AWS (and the emulator) refuse Protocol-SSLv2 on a new policy, but an old policy may
 * still enable it. Such a policy imports and plans nothing; a declared one that a plan would create
 * (new, or re-created because its settings changed) is refused by plan and apply before any write,
 * at the policy's file:line:col. The emulator cannot make one through its API either, so the old
 * policy is written into its state file while it is stopped.
 */
class SslV2PolicyTest {

    @TempDir
    Path dir;

    /** A load balancer whose HTTPS listener uses "legacy", a custom policy enabling SSLv2 and RC4-SHA. */
    private Path stateWithAnOldSslV2Policy() throws IOException {
        Path state = dir.resolve("state.json");
        try (EmulatorServer seeding = EmulatorServer.start(EmulatorConfig.embedded(state))) {
            ElasticLoadBalancingClient elb = ElbClients.forEndpoint(seeding.endpoint());
            elb.createLoadBalancer(r -> r.loadBalancerName("old").availabilityZones("us-east-1a").listeners(
                    l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT)));
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName("old").policyName("legacy").policyTypeName("SSLNegotiationPolicyType")
                    .policyAttributes(attribute("Protocol-SSLv3", "true"), attribute("RC4-SHA", "true")));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("old").loadBalancerPort(443).policyNames("legacy"));
        }
        String json = Files.readString(state);
        assertTrue(json.contains("\"Protocol-SSLv3\""), json);
        Files.writeString(state, json.replace("\"Protocol-SSLv3\"", "\"Protocol-SSLv2\""));
        return state;
    }

    @Test
    void anOldSslV2PolicyImportsToAnEmptyPlanAndOneThatMustBeCreatedIsRefusedBeforeAnyWrite() throws IOException {
        Path state = stateWithAnOldSslV2Policy();
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state))) {
            Path out = dir.resolve("imported");
            assertEquals(0, Cli.against(emulator, "import", "--all", "--out", out.toString()).code());
            Path file = out.resolve("old.yaml");
            String yaml = Files.readString(file);
            assertTrue(yaml.contains("protocols: [SSLv2]"), yaml);
            Cli.Result empty = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
            assertEquals(0, empty.code(), () -> empty + "\n" + yaml);
            long writes = emulator.mutatingCallCount();

            // A new policy enabling SSLv2, declared after the imported documents.
            int newAt = (int) yaml.lines().count() + 2;
            Files.writeString(file, yaml + "---\napiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata:\n  name: legacy-copy\n"
                    + "spec:\n  loadBalancer: old\n  protocols: [SSLv2]\n  ciphers: [RC4-SHA]\n");
            for (List<String> command : List.of(List.of("plan"), List.of("apply", "--auto-approve"))) {
                String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(out.toString())).toArray(String[]::new);
                Cli.Result refused = Cli.against(emulator, args);
                assertEquals(1, refused.code(), refused::toString);
                assertEquals(List.of("error: " + file + ":" + newAt + ":1: SSL negotiation policy 'legacy-copy' enables SSLv2, which AWS"
                        + " refuses on a new policy, and this plan must create it (it does not exist) (remove SSLv2 from protocols;"
                        + " an existing policy that enables it may keep it only unchanged)", "1 problem in the input; nothing was changed."), refused.errLines(), refused::toString);
            }

            // The old policy changed: AWS policies are immutable, so it would be re-created (through a temporary copy).
            Files.writeString(file, yaml.replace("protocols: [SSLv2]", "protocols: [SSLv2, TLSv1.2]"));
            for (String strategy : List.of("zero-gap", "direct")) {
                Cli.Result refused = Cli.against(emulator, "apply", out.toString(), "--auto-approve", "--replace-strategy", strategy);
                assertEquals(1, refused.code(), refused::toString);
                assertEquals(2, refused.errLines().size(), refused::toString);
                assertTrue(refused.errLines().get(0).matches("error: " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: SSL negotiation"
                        + " policy 'legacy' enables SSLv2, which AWS refuses on a new policy, and this plan must re-create it .*"), refused::toString);
            }
            assertEquals(writes, emulator.mutatingCallCount(), "nothing written");

            // Without SSLv2 the replacement goes through.
            Files.writeString(file, yaml.replace("protocols: [SSLv2]", "protocols: [TLSv1.2]"));
            Cli.Result replaced = Cli.against(emulator, "apply", out.toString(), "--auto-approve");
            assertEquals(0, replaced.code(), replaced::toString);
            assertEquals(0, Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode").code());
        }
    }
}
