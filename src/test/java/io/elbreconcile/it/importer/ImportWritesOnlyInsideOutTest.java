package io.elbreconcile.it.importer;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import --out DIR} writes only inside DIR (PRODUCT.md section 11): a load balancer name
 * from the target becomes a file name, so one that is not a valid name is refused, and nothing is
 * written through a link that is already there.
 */
@ExtendWith(EmulatorExtension.class)
class ImportWritesOnlyInsideOutTest {

    @TempDir
    Path dir;

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !Files.isDirectory(p)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../escaped", "/tmp/elb-reconcile-absolute", "sub/dir", "-dash", "web\nmore", ".."})
    void aNameThatIsNotAValidLoadBalancerNameIsRefusedAndNothingIsWritten(String hostile) throws IOException {
        Path out = dir.resolve("a").resolve("b").resolve("out");
        try (HostileElbStub target = new HostileElbStub(List.of("fine", hostile))) {
            Cli.Result result = Cli.run("import", "--all", "--out", out.toString(), "--endpoint-url", target.url(), "--region", "us-east-1");

            assertEquals(ExitCodes.ERROR, result.code(), result.toString());
            String shown = hostile.replace("\n", "\\n");
            assertEquals(1, result.errLines().size(), result.toString());
            assertTrue(result.err().startsWith("error: " + target.url() + " returned a load balancer whose name is not valid: load balancer name '"
                    + shown + "'"), result.toString());
            assertTrue(result.err().contains("; nothing was written"), result.toString());
            assertEquals(0, target.nonDescribeCalls(), "import only reads");
        }
        assertEquals(List.of(), filesUnder(dir), "nothing written anywhere, not even the fine one");
        assertFalse(Files.exists(Path.of("/tmp/elb-reconcile-absolute.yaml")));
    }

    @Test
    void aHugeNameIsShownCappedAt120Characters() throws IOException {
        String huge = "a".repeat(200_000);
        try (HostileElbStub target = new HostileElbStub(List.of(huge))) {
            Cli.Result result = Cli.run("import", "--all", "--out", dir.resolve("out").toString(), "--endpoint-url", target.url(),
                    "--region", "us-east-1");

            assertEquals(ExitCodes.ERROR, result.code(), result.toString());
            assertTrue(result.err().contains("load balancer name '" + "a".repeat(120) + "…' is 200000 characters; the limit is 32"),
                    result.err().substring(0, Math.min(500, result.err().length())));
            assertTrue(result.err().length() < 400, "one short line, not the name: " + result.err().length() + " characters");
        }
    }

    @Test
    void aLinkAlreadyInOutIsNotWrittenThrough(EmulatorServer emulator) throws IOException {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a")
                    .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Path outside = dir.resolve("outside.yaml"); // does not exist: the link dangles, yet leads out
        Files.createSymbolicLink(out.resolve("web.yaml"), outside);

        Cli.Result result = Cli.against(emulator, "import", "--all", "--out", out.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals(List.of("error: " + out.resolve("web.yaml") + " already exists; nothing was written"
                + " (import into an empty directory, or move the file away)"), result.errLines());
        assertFalse(Files.exists(outside), "nothing written through the link");
        assertTrue(Files.isSymbolicLink(out.resolve("web.yaml")), "the link is left alone");
    }

    @Test
    void validNamesAreWrittenInsideOut(EmulatorServer emulator) throws IOException {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            elb.createLoadBalancer(r -> r.loadBalancerName("web-1").availabilityZones("us-east-1a")
                    .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
        }
        Path out = dir.resolve("out");

        Cli.Result result = Cli.against(emulator, "import", "--all", "--out", out.toString());

        assertEquals(ExitCodes.OK, result.code(), result.toString());
        assertEquals(List.of("out/web-1.yaml"), filesUnder(dir));
    }
}
