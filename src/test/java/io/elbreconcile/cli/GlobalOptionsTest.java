package io.elbreconcile.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --debug and --no-color belong to the run: before the command, after it, or after a subcommand. */
class GlobalOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"--no-color plan examples/quickstart", "plan --no-color examples/quickstart",
            "plan examples/quickstart --no-color"})
    void noColorIsSeenByTheCommandWhereverItStands(String line) {
        PlanCommand plan = new PlanCommand(java.util.Map.of());
        CommandLine commandLine = new CommandLine(new RootCommand()).addSubcommand("plan", plan);
        commandLine.parseArgs(line.split(" "));
        assertTrue(plan.common.noColor(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan examples/quickstart", "--debug plan examples/quickstart"})
    void noColorIsOffUnlessGiven(String line) {
        PlanCommand plan = new PlanCommand(java.util.Map.of());
        new CommandLine(new RootCommand()).addSubcommand("plan", plan).parseArgs(line.split(" "));
        assertFalse(plan.common.noColor(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--debug emulator serve --state %s", "emulator --debug serve --state %s",
            "emulator serve --debug --state %s"})
    void debugPrintsTheExceptionWhereverItStands(String line) {
        StringWriter err = new StringWriter();
        // A directory is no state file: an error the emulator reports before it binds any port.
        String args = line.formatted(Path.of("examples").toAbsolutePath());
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.split(" "));
        assertEquals(ExitCodes.ERROR, code, err.toString());
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertTrue(err.toString().lines().count() > 1, "the exception after the line with --debug: " + err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--debug validate %s", "validate --debug %s", "validate %s --debug"})
    void debugIsAcceptedBeforeOrAfterTheCommand(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String args = line.formatted(Path.of("examples", "quickstart"));
        assertEquals(ExitCodes.OK, Main.run(new PrintWriter(out), new PrintWriter(err), args.split(" ")), err.toString());
        assertEquals("", err.toString());
    }

    @org.junit.jupiter.api.Test
    void withoutDebugTheSameErrorIsOneLine() {
        StringWriter err = new StringWriter();
        String[] args = {"emulator", "serve", "--state", Path.of("examples").toAbsolutePath().toString()};
        assertEquals(ExitCodes.ERROR, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
