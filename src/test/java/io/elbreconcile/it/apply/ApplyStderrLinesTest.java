package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What apply prints on stderr while it runs, to the byte (durations aside): a counted line per
 * step, then a line per failure; over Target documents each line names its target. One load
 * balancer is created, the other fails (a certificate that is not an ARN: CertificateNotFound).
 */
@ExtendWith(EmulatorExtension.class)
class ApplyStderrLinesTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: good}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
            """;

    private static final String BAD = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: bad}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTPS, loadBalancerPort: 443, instanceProtocol: HTTP, instancePort: 8080, sslCertificateId: not-an-arn}
            """;

    private Path input(Path directory, String... more) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("good.yaml"), GOOD);
        Files.writeString(directory.resolve("bad.yaml"), BAD);
        for (int i = 0; i < more.length; i += 2) {
            Files.writeString(directory.resolve(more[i]), more[i + 1]);
        }
        return directory;
    }

    private static final String FAILURE = "Create load balancer bad (internet-facing, 1 listener): CreateLoadBalancer:"
            + " CertificateNotFound: The specified SSL ID 'not-an-arn' does not refer to a valid SSL certificate in AWS"
            + " Identity and Access Management (IAM) \u2026";

    /** The lines sorted, counts and durations as N: independent steps finish in any order. */
    private static List<String> lines(String err) {
        return err.lines().map(line -> line.replaceAll("\\(\\d+ ms\\)", "(N ms)").replaceAll("^\\[(staging )?\\d/", "[$1N/"))
                .sorted().toList();
    }

    @Test
    void oneTarget(EmulatorServer emulator) throws IOException {
        Cli.Result applied = Cli.against(emulator, "apply", input(dir.resolve("one")).toString(), "--auto-approve");
        assertEquals(1, applied.code(), applied::toString);
        assertEquals(List.of(
                "[N/2] FAILED  " + FAILURE,
                "[N/2] done    Create load balancer good (internet-facing, 1 listener) (N ms)",
                "error: " + FAILURE), lines(applied.err()), applied::toString);
    }

    @Test
    void targetDocuments(EmulatorServer emulator) throws IOException {
        Path repo = input(dir.resolve("repo"), "target.yaml", "apiVersion: elb-reconcile/v1\nkind: Target\nmetadata:\n"
                + "  name: staging\nspec:\n  region: us-east-1\n  endpointUrl: " + emulator.endpoint() + "\n");
        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve");
        assertEquals(1, applied.code(), applied::toString);
        assertEquals(List.of(
                "[staging N/2] FAILED  " + FAILURE,
                "[staging N/2] done    Create load balancer good (internet-facing, 1 listener) (N ms)",
                "error: [staging] " + FAILURE), lines(applied.err()), applied::toString);
    }
}
