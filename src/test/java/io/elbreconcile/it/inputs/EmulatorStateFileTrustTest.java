package io.elbreconcile.it.inputs;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.EmulatorStateException;
import io.elbreconcile.it.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded emulator's state file: one lock per real file, and a newer format refused in one line. */
class EmulatorStateFileTrustTest {

    @TempDir
    Path dir;

    private static final String WEB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: HTTP
                  loadBalancerPort: 80
                  instanceProtocol: HTTP
                  instancePort: 8080
            """;

    @Test
    void aStateFileReachedThroughASymlinkedDirectoryIsLockedAsTheRealOne() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);
        Path input = Files.writeString(dir.resolve("web.yaml"), WEB);
        // The state file does not exist yet: the lock must still see through the link to its directory.
        try (EmulatorServer first = EmulatorServer.start(EmulatorConfig.embedded(real.resolve("s.json")))) {
            EmulatorStateException refused = assertThrows(EmulatorStateException.class,
                    () -> EmulatorServer.start(EmulatorConfig.embedded(alias.resolve("s.json"))));
            assertTrue(refused.getMessage().contains("in use by another emulator"), refused.getMessage());

            Cli.Result apply = Cli.run("apply", input.toString(), "--auto-approve", "--emulator=" + alias.resolve("s.json"));

            assertEquals(ExitCodes.ERROR, apply.code(), apply.toString());
            assertTrue(apply.err().startsWith("error: " + real.resolve("s.json") + " is in use by another emulator"), apply.toString());
            assertEquals(0, first.mutatingCallCount(), "the refused run reached nothing");
            assertFalse(Files.exists(real.resolve("s.json")), "and wrote nothing");
        }
        Cli.Result afterwards = Cli.run("apply", input.toString(), "--auto-approve", "--emulator=" + alias.resolve("s.json"));
        assertEquals(ExitCodes.OK, afterwards.code(), afterwards.toString());
        assertTrue(Files.isRegularFile(real.resolve("s.json")), "saved in the real directory, through the link");
    }

    @Test
    void aSymlinkedStateFileIsLockedAsItsTarget() throws IOException {
        Path target = dir.resolve("target.json");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
        try (EmulatorServer first = EmulatorServer.start(EmulatorConfig.embedded(target))) {
            assertThrows(EmulatorStateException.class, () -> EmulatorServer.start(EmulatorConfig.embedded(link)));
        }
    }

    @Test
    void aStateFileOfANewerFormatIsRefusedInOneLineWithoutInternals() throws IOException {
        Path state = Files.writeString(dir.resolve("state.json"),
                "{\"formatVersion\":99,\"world\":{\"regions\":{\"us-east-1\":{}},\"loadBalancers\":null}}");
        Path input = Files.writeString(dir.resolve("web.yaml"), WEB);
        String expected = "error: emulator state file " + state + " was written by a newer elb-reconcile (formatVersion 99;"
                + " this version reads 2): use that version, or delete the file to start from an empty world";

        Cli.Result apply = Cli.run("apply", input.toString(), "--auto-approve", "--emulator=" + state);
        Cli.Result serve = Cli.run("emulator", "serve", "--port", "0", "--state", state.toString());

        for (Cli.Result result : new Cli.Result[] {apply, serve}) {
            assertEquals(ExitCodes.ERROR, result.code(), result.toString());
            assertEquals(java.util.List.of(expected), result.errLines(), result.toString());
        }
        assertTrue(Files.readString(state).contains("\"formatVersion\":99"), "the newer file is left as it was");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard, not a measurement: opening the FIFO would block for ever
    void aStateFileThatIsNotARegularFileIsRefusedUnopened() throws IOException, InterruptedException {
        Path fifo = dir.resolve("state.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed here");

        Cli.Result result = Cli.run("emulator", "serve", "--port", "0", "--state", fifo.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals(java.util.List.of("error: emulator state file " + fifo + " is not a regular file; give the path of a"
                + " JSON file (it is created if missing)"), result.errLines());
    }

    @Test
    void aBinaryStateFileIsNamedAsNotTextNotAsADecoderError() throws IOException {
        Path state = Files.write(dir.resolve("state.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, 0, 1, 2});

        Cli.Result result = Cli.run("emulator", "serve", "--port", "0", "--state", state.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals(java.util.List.of("error: emulator state file " + state + " is not UTF-8 text; is this a binary file?"
                + " (give the path of a JSON file; it is created if missing)"), result.errLines());
    }

    @Test
    void aCorruptStateFileNamesWhereNotOurClasses() throws IOException {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"formatVersion\":1,\"world\":{\"loadBalancers\":{\"a\":{\"name\":[1]}}}}");

        Cli.Result result = Cli.run("emulator", "serve", "--port", "0", "--state", state.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals(java.util.List.of("error: emulator state file " + state + " is corrupt (unexpected content at"
                + " world.loadBalancers.a.name); delete it to start from an empty world"), result.errLines());
    }
}
