package io.elbreconcile.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void versionNamesTheProductTheBuildsVersionAndCommit() throws Exception {
        assertEquals(ExitCodes.OK, run("--version"));
        java.util.Properties build = new java.util.Properties();
        try (var in = VersionProvider.class.getResourceAsStream("build.properties")) {
            build.load(in);
        }
        String version = build.getProperty("version");
        String commit = build.getProperty("commit");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "filtered by the build: " + version);
        assertTrue(commit.matches("[0-9a-f]{12}|unknown"), "filtered by the build: " + commit);
        assertTrue(out.toString().startsWith("elb-reconcile " + version + " (commit " + commit + ")\n"), out.toString());
    }

    @Test
    void versionNamesTheCommitOfThisCheckout() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor() == 0, "not a git checkout: " + head);
        assertEquals(ExitCodes.OK, run("--version"));
        assertTrue(out.toString().contains("(commit " + head + ")"), out.toString());
    }

    @Test
    void anUnknownCommandIsOneLineAndExitOne() {
        assertEquals(ExitCodes.ERROR, run("frobnicate"));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--frmat json", "--frmat=json", "--fromat json"})
    void aMisspeltOptionGetsADidYouMeanOnTheSameLine(String misspelt) {
        assertEquals(ExitCodes.ERROR, run(("plan examples/quickstart " + misspelt).split(" ")));
        String first = err.toString().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("error: Unknown option"), first);
        assertTrue(first.endsWith(" (did you mean '--format'?)"), first);
        assertEquals(2, err.toString().lines().count(), "the error and the pointer to --help: " + err);
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.ERROR, run());
        assertTrue(err.toString().contains("a command is required (validate, plan, apply, show, drift, import, graph, emulator,"
                + " completion)"), "every command named: " + err);
    }

    @Test
    void aMisspeltOptionAfterEmulatorIsAnErrorNotTheNameOfAStateFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path misspelt = dir.resolve("--frmat");
        // Relative to the working directory, as a user types it; a named file shows where it would have gone.
        assertEquals(ExitCodes.ERROR, run("apply", "examples/quickstart", "--auto-approve", "--emulator", "--frmat", "json"));
        assertEquals(ExitCodes.ERROR, run("plan", "examples/quickstart", "--emulator=" + dir.resolve("w.json"), "--out", "--frmat"));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertTrue(err.toString().contains("'--frmat'"), err.toString());
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("--frmat")), "no state file named after the misspelt option");
        assertFalse(java.nio.file.Files.exists(misspelt));
        assertFalse(java.nio.file.Files.exists(dir.resolve("w.json")), "nothing ran");
    }

    @Test
    void aMisspeltOptionAsTheLastArgumentAfterEmulatorIsOneLineAndNoStateFile() {
        assertEquals(ExitCodes.ERROR, run("apply", "examples/quickstart", "--auto-approve", "--emulator", "--frmat"));
        assertEquals("error: --emulator: '--frmat' is an unknown option, not a state file (for a file of that name,"
                + " write --emulator=./--frmat)\n", err.toString().replace(System.lineSeparator(), "\n"));
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("--frmat")), "no state file named after the misspelt option");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"validate", "plan", "apply", "show", "drift", "import", "graph", "emulator", "emulator serve"})
    void everyCommandHasHelpWithExamples(String command) {
        String[] args = (command + " --help").split(" ");
        assertEquals(ExitCodes.OK, run(args), err.toString());
        assertTrue(out.toString().contains("Examples:"), out.toString());
        assertTrue(out.toString().startsWith("Usage: elb-reconcile " + command), out.toString());
    }

    /** A footer line longer than the help's 80 columns is re-wrapped by picocli into a ragged fragment. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"'',RootCommand", "validate,ValidateCommand", "plan,PlanCommand",
            "apply,ApplyCommand", "show,ShowCommand", "drift,DriftCommand", "import,ImportCommand", "graph,GraphCommand",
            "emulator,EmulatorCommand", "emulator serve,EmulatorCommand$Serve", "completion,CompletionCommand"})
    void everyHelpFooterIsPrintedAsWrittenNotRewrapped(String command, String className) throws ClassNotFoundException {
        String[] footer = Class.forName("io.elbreconcile.cli." + className).getAnnotation(picocli.CommandLine.Command.class).footer();
        assertEquals(ExitCodes.OK, run((command + " --help").strip().split(" ")), err.toString());
        String help = out.toString().replace(System.lineSeparator(), "\n");
        assertTrue(help.endsWith(String.join("\n", footer) + "\n"), "footer re-wrapped:\n" + help);
    }

    @Test
    void theRootHelpListsEveryCommand() {
        assertEquals(ExitCodes.OK, run("--help"));
        for (String command : new String[] {"validate", "plan", "apply", "show", "drift", "import", "graph", "emulator", "completion"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " missing from\n" + out);
        }
    }

    @Test
    void anUnknownRegionIsOneLineWithHowToSetOne() {
        assertEquals(ExitCodes.ERROR, run("plan", "examples/quickstart", "--region", "us-easttt-1"));
        assertEquals("error: UnknownRegion: unknown region 'us-easttt-1': set one with --region, AWS_REGION or the profile's region,"
                + " e.g. --region us-east-1\n", err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void servingBeyondLoopbackWarnsThatAnyoneCanChangeTheWorld() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("0.0.0.0"))) {
            // The port is taken, so the command ends after the warning instead of serving forever.
            assertEquals(ExitCodes.ERROR, run("emulator", "serve", "--bind", "0.0.0.0", "--port", String.valueOf(taken.getLocalPort())));
        }
        assertTrue(err.toString().startsWith("warning: listening on 0.0.0.0, not a loopback address: anyone who can reach this port"
                + " can read and change the emulator's world, and reset it."), err.toString());
        assertTrue(err.toString().contains("is the port in use?"), err.toString());
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        assertEquals(ExitCodes.ERROR, run("plna", "examples/quickstart"));
        assertTrue(err.toString().contains("Did you mean: elb-reconcile plan"), err.toString());
    }
}
