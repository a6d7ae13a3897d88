package io.elbreconcile.it.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every elb-reconcile command in examples/ci/ exists and works: each is taken from the file as
 * written, its variables filled in, and run in file order against the emulator (pull request,
 * then merge, then schedule), accepting exit 2 only where the file itself accepts it.
 */
@ExtendWith(EmulatorExtension.class)
class CiExamplesTest {

    private static final Pattern COMMAND = Pattern.compile("elb-reconcile\\s+(validate|plan|apply|show|drift|import|graph)\\b[^|>\\n]*");
    private static final Set<String> TARGETED = Set.of("plan", "apply", "drift", "import", "graph");
    private static final Set<String> PATH_OPTIONS = Set.of("--out", "--baseline", "--report");
    private static final Set<String> VALUE_OPTIONS = Set.of("--stack", "--format", "--max-chars", "--parallelism");

    private record Command(String line, List<String> words, boolean acceptsTwo) {
    }

    /** Commands in file order, comments skipped. */
    static List<Command> commands(String file) {
        List<Command> commands = new ArrayList<>();
        for (String line : file.split("\n")) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            while (m.find()) {
                commands.add(new Command(line.trim(), words(m.group().trim()), line.contains("|| test $? -eq 2")));
            }
        }
        return commands;
    }

    /** Shell words: double quotes group, nothing else is special in these files. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    private static String[] runnable(Command command, Map<String, String> variables, Path workspace, EmulatorServer emulator) {
        List<String> args = new ArrayList<>();
        List<String> words = command.words();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                word = word.replace("${" + variable.getKey() + "}", variable.getValue()).replace("$" + variable.getKey(), variable.getValue());
            }
            assertFalse(word.contains("$"), "an unknown variable in: " + command.line());
            String previous = i > 1 ? words.get(i - 1) : "";
            boolean path = i > 1 && !word.startsWith("-") && (PATH_OPTIONS.contains(previous) || !VALUE_OPTIONS.contains(previous));
            args.add(path ? workspace.resolve(word).toString() : word);
        }
        if (TARGETED.contains(words.get(1))) {
            args.addAll(List.of("--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1"));
        }
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"github-actions.yml", "gitlab-ci.yml"})
    void everyCommandRunsAgainstTheEmulator(String name, EmulatorServer emulator, @TempDir Path workspace) throws IOException {
        String file = Files.readString(Path.of("examples/ci", name));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(file);
        assertTrue(yaml.isObject(), "well-formed YAML");
        // The checkout of this branch and of the target branch; the pull request lengthens the cookie.
        Path quickstart = Path.of("examples/quickstart/my-load-balancer.yaml");
        String yamlText = Files.readString(quickstart);
        Files.createDirectories(workspace.resolve("elb"));
        Files.writeString(workspace.resolve("elb/my-load-balancer.yaml"), yamlText.replace("cookieExpirationPeriod: 60", "cookieExpirationPeriod: 120"));
        Files.createDirectories(workspace.resolve("base/elb"));
        Files.copy(quickstart, workspace.resolve("base/elb/my-load-balancer.yaml"));
        Map<String, String> variables = Map.of("ELB_DIR", "elb", "STACK", "prod");

        List<Command> commands = commands(file);
        List<String> seen = commands.stream().map(c -> c.words().get(1)).distinct().toList();
        assertEquals(List.of("validate", "plan", "show", "apply", "drift"), seen, "the three flows, in order");
        for (Command command : commands) {
            long writes = emulator.mutatingCallCount();
            Cli.Result result = Cli.run(runnable(command, variables, workspace, emulator));
            boolean ok = result.code() == 0 || (command.acceptsTwo() && result.code() == 2);
            assertTrue(ok, command.line() + "\n" + result);
            if (!command.words().get(1).equals("apply")) {
                assertEquals(writes, emulator.mutatingCallCount(), "only apply writes: " + command.line());
            }
        }
        assertTrue(commands.stream().anyMatch(c -> c.words().contains("--baseline")), "the pull request plans with --baseline");
        assertTrue(commands.stream().anyMatch(c -> c.words().get(1).equals("apply") && c.words().contains("--report")));
        assertEquals(0, Cli.run(runnable(commands.get(commands.size() - 1), variables, workspace, emulator)).code(),
                "after the merge job, the scheduled drift finds nothing");
        assertTrue(file.contains(name.startsWith("github") ? "group: elb-reconcile-apply-prod" : "resource_group: elb-reconcile-prod"),
                "one apply at a time");
    }
}
