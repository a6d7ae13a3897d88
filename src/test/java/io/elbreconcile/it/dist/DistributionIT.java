package io.elbreconcile.it.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tarball `mvn package` makes, unpacked elsewhere and run as on a machine without a JDK: a
 * PATH holding only the shell tools the launcher uses, no JAVA_HOME, another working directory.
 * Run by failsafe after package (`mvn verify`), which passes the tarball's path.
 */
class DistributionIT {

    /** What bin/elb-reconcile calls; java is deliberately not among them. */
    private static final List<String> TOOLS = List.of("bash", "dirname", "readlink", "grep", "tr", "cat", "cksum", "cut",
            "mkdir", "mktemp", "rm", "mv", "awk", "flock", "find", "touch");

    @TempDir
    static Path work;

    private static Path home;
    private static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        String tarball = System.getProperty("dist.tarball");
        assumeTrue(tarball != null, "run by failsafe in `mvn verify`, which builds the tarball first");
        assertTrue(Files.isRegularFile(Path.of(tarball)), "no tarball at " + tarball);
        Path install = Files.createDirectories(work.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball, "-C", install.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (Stream<Path> unpacked = Files.list(install)) {
            home = unpacked.findFirst().orElseThrow();
        }
        tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = which(tool);
            if (found != null) {
                Files.createSymbolicLink(tools.resolve(tool), found);
            }
        }
        Files.createDirectories(work.resolve("home"));
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Run(int code, String out) {
    }

    private static Run run(Path cwd, Map<String, String> extra, String... args) throws IOException, InterruptedException {
        return runAs(home.resolve("bin/elb-reconcile"), cwd, extra, args);
    }

    private static Run runAs(Path launcher, Path cwd, Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("HOME", work.resolve("home").toString());
        builder.environment().putAll(extra);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out);
    }

    @Test
    void noJavaIsReachableFromTheTestsPath() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(tools.resolve("bash").toString(), "-c", "command -v java").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        assertNotEquals(0, builder.start().waitFor());
    }

    @Test
    void runsFromAnotherDirectoryOnItsBundledRuntime() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Run version = run(elsewhere, Map.of(), "--version");
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().matches("(?s)elb-reconcile \\d+\\.\\d+\\.\\d+\\S* \\(commit \\S+\\)\n.*"), version.out());
        assertTrue(version.out().contains("(" + home.resolve("runtime") + ")"), "the bundled runtime: " + version.out());

        copyTree(home.resolve("examples/quickstart"), elsewhere.resolve("spec"));
        // As installed with a link on PATH: the launcher finds its directory through the link.
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("links")).resolve("elb-reconcile"),
                home.resolve("bin/elb-reconcile"));
        Run linked = runAs(link, elsewhere, Map.of(), "--version");
        assertEquals(version, linked);

        Run validate = run(elsewhere, Map.of(), "validate", "spec");
        assertEquals(0, validate.code(), validate.out());
        assertTrue(validate.out().startsWith("OK: spec:"), validate.out());

        Run plan = run(elsewhere, Map.of(), "plan", "spec", "--emulator=state.json", "--no-color");
        assertEquals(0, plan.code(), plan.out());
        assertTrue(plan.out().contains("Plan: 4 to create"), plan.out());

        Run apply = run(elsewhere, Map.of(), "--debug", "apply", "spec", "--emulator=state.json", "--auto-approve");
        assertEquals(0, apply.code(), apply.out());
        assertTrue(apply.out().contains("Apply complete: 3 done, 0 failed"), apply.out());
    }

    @Test
    void itsClassDataArchiveIsUsableWhereItWasUnpacked() throws Exception {
        // JDK 25+: the AOT cache made at package time; JDK 17-24: the archive the first run records
        // here. Either way the JVM is told to fail rather than run without it.
        boolean aot = feature() >= 25;
        Path elsewhere = Files.createDirectories(work.resolve("strict"));
        run(elsewhere, Map.of(), "--version");
        Path store = Files.isWritable(home.resolve("lib")) ? home.resolve("lib") : null;
        assumeTrue(store != null, "the unpacked lib/ is writable in this test");
        assertTrue(Files.isRegularFile(store.resolve(aot ? "elb-reconcile.aot" : "elb-reconcile.jsa")),
                "archive in " + store);
        String strict = aot ? "-XX:AOTMode=on" : "-Xshare:on";
        Run run = run(elsewhere, Map.of("ELB_RECONCILE_JAVA_OPTS", strict), "--version");
        assertEquals(0, run.code(), strict + ": " + run.out());
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesTheToolUses() throws Exception {
        String release = Files.readString(home.resolve("runtime/release"));
        String modules = release.lines().filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
        for (String needed : List.of("java.base", "java.xml", "jdk.httpserver", "jdk.crypto.ec")) {
            assertTrue(modules.contains(needed), modules);
        }
        assertFalse(modules.contains("java.desktop"), modules);
        assertFalse(Files.exists(home.resolve("runtime/bin/javac")), "a runtime, not a JDK");
    }

    private static int feature() throws IOException {
        String release = Files.readString(home.resolve("runtime/release"));
        String version = release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1");
        return Integer.parseInt(version);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
