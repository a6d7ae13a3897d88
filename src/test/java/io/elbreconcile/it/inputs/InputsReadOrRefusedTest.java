package io.elbreconcile.it.inputs;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs are read or refused, never skipped (PRODUCT.md section 11): every YAML name under PATH
 * must be a readable regular file after following links. Each case runs the CLI as a user would,
 * against the real emulator over HTTP, and a refused input changes nothing there.
 */
@ExtendWith(EmulatorExtension.class)
class InputsReadOrRefusedTest {

    @TempDir
    Path dir;

    private final EmulatorServer emulator;

    InputsReadOrRefusedTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    private static String loadBalancer(String name) {
        return """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata:
                  name: %s
                spec:
                  availabilityZones: [us-east-1a]
                  listeners:
                    - protocol: HTTP
                      loadBalancerPort: 80
                      instanceProtocol: HTTP
                      instancePort: 8080
                """.formatted(name);
    }

    private Path input(String... nameThenContent) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        for (int i = 0; i < nameThenContent.length; i += 2) {
            Path file = input.resolve(nameThenContent[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, nameThenContent[i + 1]);
        }
        return input;
    }

    private Cli.Result validate(Path path) {
        return Cli.run("validate", path.toString());
    }

    private Cli.Result applyDeleting(Path path) {
        return Cli.against(emulator, "apply", path.toString(), "--auto-approve", "--stack", "s", "--allow-delete", "--max-rps", "0");
    }

    private List<String> loadBalancers() {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            return elb.describeLoadBalancers().loadBalancerDescriptions().stream().map(LoadBalancerDescription::loadBalancerName)
                    .sorted().toList();
        }
    }

    /** The one error line about {@code path}, checked to be the whole-file form {@code path: reason}. */
    private static void assertRefused(Cli.Result result, Path path, String reason) {
        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertTrue(result.errLines().contains("error: " + path + ": " + reason), "expected 'error: " + path + ": " + reason + "' in\n" + result);
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            assumeTrue(false, "mkfifo is not available here: " + notThere.getMessage());
            return;
        }
        assumeTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "mkfifo failed");
    }

    @Test
    void aDanglingSymlinkIsRefusedAndApplyDeletesNothing() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"), "shared.yaml", loadBalancer("shared"));
        Cli.Result created = applyDeleting(input);
        assertEquals(ExitCodes.OK, created.code(), created.toString());
        assertEquals(List.of("shared", "web"), loadBalancers());
        // shared.yaml becomes a link to a file that is then deleted: once it was skipped, and
        // --allow-delete removed the load balancer it declared.
        Path kept = Files.move(input.resolve("shared.yaml"), dir.resolve("elsewhere.yaml"));
        Files.createSymbolicLink(input.resolve("shared.yaml"), kept);
        Files.delete(kept);
        long mutating = emulator.mutatingCallCount();

        assertRefused(validate(input), input.resolve("shared.yaml"), "dangling symbolic link (" + kept + " does not exist)");
        Cli.Result apply = applyDeleting(input);

        assertRefused(apply, input.resolve("shared.yaml"), "dangling symbolic link (" + kept + " does not exist)");
        assertTrue(apply.err().contains("nothing was changed"), apply.toString());
        assertEquals(mutating, emulator.mutatingCallCount(), "no mutating call");
        assertEquals(List.of("shared", "web"), loadBalancers());
    }

    @Test
    @Timeout(60) // a guard, not a measurement: opening the FIFO would block this test forever
    void aFifoIsRefusedWithoutBeingOpenedInADirectoryAndAsThePathItself() throws IOException, InterruptedException {
        Path input = input("web.yaml", loadBalancer("web"));
        Path fifo = input.resolve("pipe.yaml");
        mkfifo(fifo);
        long mutating = emulator.mutatingCallCount();

        assertRefused(validate(input), fifo, "not a regular file (a FIFO); only regular files are read");
        assertRefused(validate(fifo), fifo, "not a regular file (a FIFO); only regular files are read");
        assertRefused(applyDeleting(input), fifo, "not a regular file (a FIFO); only regular files are read");
        assertEquals(mutating, emulator.mutatingCallCount(), "no mutating call");
        assertEquals(List.of(), loadBalancers());
    }

    @Test
    void aSocketIsRefused() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"));
        Path socket = input.resolve("listening.yml");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertRefused(applyDeleting(input), socket, "not a regular file (a socket); only regular files are read");
        }
        assertEquals(0, emulator.mutatingCallCount(), "no mutating call");
    }

    @Test
    void aDirectorySymlinkLoopIsAnErrorNamingIt() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"), "team/api.yaml", loadBalancer("api"));
        Path loop = Files.createSymbolicLink(input.resolve("team").resolve("again"), input);

        Cli.Result result = applyDeleting(input);

        assertRefused(result, loop, "symbolic link loop (" + loop + " leads back to " + input + ")");
        assertEquals(0, emulator.mutatingCallCount(), "no mutating call");
    }

    @Test
    void aSymlinkToItselfIsALoop() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"));
        Path self = input.resolve("self.yaml");
        Files.createSymbolicLink(self, self.getFileName());

        assertRefused(validate(input), self, "symbolic link loop (" + self + " leads back to itself)");
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"), "secret.yaml", loadBalancer("secret"));
        Path secret = input.resolve("secret.yaml");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "this user (root?) reads files whatever their permissions");

        assertRefused(applyDeleting(input), secret, "cannot read file: permission denied");
        assertEquals(0, emulator.mutatingCallCount(), "no mutating call");
    }

    @Test
    void refusedFilesAreReportedTogetherWithTheOtherProblems() throws IOException {
        Path input = input("web.yaml", loadBalancer("we_b"), "ok.yaml", loadBalancer("ok"));
        Path dangling = Files.createSymbolicLink(input.resolve("gone.yaml"), dir.resolve("never-was.yaml"));

        Cli.Result result = validate(input);

        assertRefused(result, dangling, "dangling symbolic link (" + dir.resolve("never-was.yaml") + " does not exist)");
        assertTrue(result.err().contains(input.resolve("web.yaml") + ":4:9: load balancer name 'we_b'"), result.toString());
        assertTrue(result.err().contains("2 problems in the input"), result.toString());
    }

    @Test
    void aLinkToAReadableFileIsReadAndHiddenNamesStaySkipped() throws IOException {
        Path input = input("web.yaml", loadBalancer("web"), ".drafts/draft.yaml", "not: [yaml");
        Path real = Files.writeString(dir.resolve("api-source.yaml"), loadBalancer("api"));
        Files.createSymbolicLink(input.resolve("api.yaml"), real);
        // Dot-names are documented as never input, whatever they are: an editor's lock link is one.
        Files.createSymbolicLink(input.resolve(".#web.yaml"), Path.of("user@host.1234"));

        Cli.Result result = validate(input);

        assertEquals(ExitCodes.OK, result.code(), result.toString());
        assertTrue(result.out().contains("2 documents in 2 files"), result.toString());
    }
}
