package io.elbreconcile.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files of the three plan formats, produced end to end: the scenario's {@code before/}
 * YAML is applied to an embedded emulator, then {@code after/} is planned against it. A golden file
 * that is missing or differs fails the test. To write the files after an intended change (or for a
 * new scenario), ask for it explicitly with
 * {@code mvn -B test -Dtest=PlanGoldenTest -Dgolden.update=true}, then review the diff before committing.
 */
class PlanGoldenTest {

    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("after"))).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void planOutputMatchesTheGoldenFiles(String scenario, @TempDir Path tmp) throws IOException {
        Path dir = SCENARIOS.resolve(scenario);
        String state = tmp.resolve("emulator.json").toString();
        if (Files.isDirectory(dir.resolve("before"))) {
            Result setUp = run("apply", dir.resolve("before").toString(), "--emulator=" + state, "--auto-approve");
            assertEquals(ExitCodes.OK, setUp.code, setUp.err);
        }
        for (String[] format : List.of(new String[] {"text", "plan.txt"}, new String[] {"json", "plan.json"},
                new String[] {"markdown", "plan.md"})) {
            Result plan = run("plan", dir.resolve("after").toString(), "--emulator=" + state, "--format", format[0],
                    "--detailed-exitcode", "--no-color");
            assertEquals(ExitCodes.CHANGES, plan.code, plan.err);
            String actual = plan.out.replace(Path.of(state).toAbsolutePath().toString(), "<STATE>");
            Path golden = dir.resolve(format[1]);
            if (UPDATE) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(golden), "golden file " + golden + " is missing: write it with -Dgolden.update=true"
                    + " and review it");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
