package io.elbreconcile.it.targets;

import io.elbreconcile.it.Cli;
import io.elbreconcile.model.Shard;
import io.elbreconcile.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sharding examples of PRODUCT.md section 16 parse, name exactly the targets of
 * examples/multi-account, and their commands, run as written (with --emulator added), do what the
 * files say: plan, apply and drift one target per job.
 */
class ShardExamplesTest {

    private static final Path EXAMPLE = Path.of("examples", "multi-account");
    private static final String MATRIX = "${{ matrix.target }}";

    @TempDir
    Path dir;

    private static List<String> exampleTargets() {
        return new SpecLoader().load(EXAMPLE).shards().stream().map(Shard::name).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGithubMatrixRunsEveryTargetsPlanApplyAndDrift() throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(Path.of("examples", "ci", "github-actions-targets.yml")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertEquals(List.of("plan", "apply", "drift"), List.copyOf(jobs.keySet()));
        Path state = dir.resolve("emulator.json");
        for (String job : jobs.keySet()) {
            Map<String, Object> spec = (Map<String, Object>) jobs.get(job);
            Map<String, Object> matrix = (Map<String, Object>) ((Map<String, Object>) spec.get("strategy")).get("matrix");
            assertEquals(exampleTargets(), matrix.get("target"), job + "'s matrix names every target of the example");
            List<String> commands = new ArrayList<>();
            for (Map<String, Object> step : (List<Map<String, Object>>) spec.get("steps")) {
                Object run = step.get("run");
                if (run instanceof String line && line.contains("bin/elb-reconcile")) {
                    commands.add(line);
                }
            }
            assertEquals(1, commands.size(), job + " runs one elb-reconcile command");
            for (String target : exampleTargets()) {
                String line = commands.get(0).replace(MATRIX, target);
                assertFalse(line.contains("${{"), line);
                Cli.Result result = run(words(line), state);
                assertEquals(0, result.code(), job + " of " + target + ": " + result);
                for (String other : exampleTargets()) {
                    assertEquals(other.equals(target), result.out().contains(other), job + " of " + target + " reports only it: " + result);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCronJobsRunDriftOneTargetEachAndFailOnlyForTheDriftedOne() throws IOException {
        List<Map<String, Object>> cronJobs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(Path.of("examples", "kubernetes", "drift-cronjob.yaml")))
                .forEach(document -> cronJobs.add((Map<String, Object>) document));
        Path state = dir.resolve("emulator.json");
        assertEquals(0, Cli.run("apply", EXAMPLE.toString(), "--auto-approve", "--emulator=" + state).code());
        // Reality moves away from Git in staging only: its cookie is no longer what the repository says.
        Path changed = dir.resolve("policies");
        copy(EXAMPLE, changed);
        Path staging = changed.resolve("staging/web.yaml");
        Files.writeString(staging, Files.readString(staging).replace("cookieExpirationPeriod: 30", "cookieExpirationPeriod: 45"));

        List<String> covered = new ArrayList<>();
        for (Map<String, Object> cronJob : cronJobs) {
            assertEquals("batch/v1", cronJob.get("apiVersion"));
            assertEquals("CronJob", cronJob.get("kind"));
            String target = (String) ((Map<String, Object>) ((Map<String, Object>) cronJob.get("metadata")).get("labels")).get("target");
            Map<String, Object> jobTemplate = (Map<String, Object>) ((Map<String, Object>) cronJob.get("spec")).get("jobTemplate");
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) jobTemplate.get("spec"))
                    .get("template")).get("spec");
            List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
            List<String> args = new ArrayList<>((List<String>) containers.get(0).get("args"));
            assertEquals(List.of("drift", "/policies", "--only-target", target, "--format", "json"), args);
            args.set(1, changed.toString());
            Cli.Result result = run(args, state);
            assertEquals(target.equals("staging") ? 2 : 0, result.code(), target + ": " + result);
            assertTrue(result.out().contains("\"name\" : \"" + target + "\""), result.out());
            covered.add(target);
        }
        assertEquals(exampleTargets(), covered, "one CronJob per target, in target order");
    }

    private static Cli.Result run(List<String> words, Path state) {
        List<String> args = new ArrayList<>(words);
        args.add("--emulator=" + state);
        return Cli.run(args.toArray(String[]::new));
    }

    /** The command's words, without the launcher and any output redirection. */
    private static List<String> words(String line) {
        String command = line.contains(">") ? line.substring(0, line.indexOf('>')) : line;
        List<String> words = new ArrayList<>(List.of(command.trim().split("\\s+")));
        assertEquals("bin/elb-reconcile", words.remove(0));
        return words;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
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
