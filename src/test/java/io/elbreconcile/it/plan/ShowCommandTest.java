package io.elbreconcile.it.plan;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code show PLANFILE} prints a saved plan offline, byte for byte as {@code plan} printed it. */
@ExtendWith(EmulatorExtension.class)
class ShowCommandTest {

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"text", "json", "markdown"})
    void aSavedPlanShowsExactlyAsPlanPrintedIt(String format, EmulatorServer emulator, @TempDir Path dir) {
        Path planFile = dir.resolve("plan.json");
        Cli.Result planned = Cli.against(emulator, "plan", "examples/quickstart", "--out", planFile.toString(),
                "--format", format, "--no-color");
        assertEquals(ExitCodes.OK, planned.code(), planned.toString());
        long calls = emulator.callLog().size();

        Cli.Result shown = Cli.run("show", planFile.toString(), "--format", format, "--no-color");

        assertEquals(ExitCodes.OK, shown.code(), shown.toString());
        assertEquals(planned.out(), shown.out());
        assertEquals(calls, emulator.callLog().size(), "show is offline");
    }

    @Test
    void aMissingOrForeignFileIsOneLineAndExitOne(@TempDir Path dir) throws IOException {
        Cli.Result missing = Cli.run("show", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.ERROR, missing.code());
        assertEquals(1, missing.errLines().size(), missing.toString());
        assertTrue(missing.err().contains("nope.json does not exist"), missing.toString());

        Path yaml = Files.writeString(dir.resolve("lb.yaml"), "apiVersion: elb-reconcile/v1\n");
        Cli.Result notAPlan = Cli.run("show", yaml.toString());
        assertEquals(ExitCodes.ERROR, notAPlan.code());
        assertEquals(1, notAPlan.errLines().size(), notAPlan.toString());
        assertTrue(notAPlan.err().contains("lb.yaml is not a plan file (a plan saved by 'plan --out' is a JSON object)"),
                notAPlan.toString());
        assertFalse(notAPlan.err().contains("Unexpected character"), "no JSON parser wording: " + notAPlan);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard, not a measurement: opening the FIFO would block for ever
    void aFifoIsRefusedUnopenedByShowAndApply(@TempDir Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("plan.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed here");

        Cli.Result shown = Cli.run("show", fifo.toString());

        assertEquals(ExitCodes.ERROR, shown.code(), shown.toString());
        assertEquals(java.util.List.of("error: " + fifo + ": not a regular file; a plan file saved by 'plan --out FILE' is needed"),
                shown.errLines());
    }

    @Test
    void aBinaryFileIsNamedAsNotTextNotAsADecoderError(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("plan.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, 0, 1, 2});

        Cli.Result shown = Cli.run("show", binary.toString());
        assertEquals(ExitCodes.ERROR, shown.code(), shown.toString());
        assertEquals(java.util.List.of("error: " + binary + ": not UTF-8 text; is this a binary file? (a plan saved by"
                + " 'plan --out FILE' is JSON)"), shown.errLines());

        // apply takes it for YAML (it does not read as a plan) and says the same of it, as validate would.
        Cli.Result applied = Cli.run("apply", binary.toString(), "--emulator=" + dir.resolve("w.json"));
        assertEquals(ExitCodes.ERROR, applied.code(), applied.toString());
        assertTrue(applied.errLines().get(0).endsWith("not UTF-8 text (byte 0xC3 at offset 1); is this a binary file?"),
                applied.toString());
    }

    @Test
    void tooSmallABoundIsRefused(@TempDir Path dir) {
        Cli.Result result = Cli.run("show", dir.resolve("plan.json").toString(), "--format", "markdown", "--max-chars", "100");
        assertEquals(ExitCodes.ERROR, result.code());
        assertTrue(result.err().contains("--max-chars must be at least 2000, not 100"), result.toString());
    }
}
