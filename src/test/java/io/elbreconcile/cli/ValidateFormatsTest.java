package io.elbreconcile.cli;

import io.elbreconcile.it.Cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate --format github|json}: every independent problem in one run, placed on its line. */
class ValidateFormatsTest {

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

    @TempDir
    Path dir;

    /** a.yaml is fine; b.yaml repeats its name and has its own listener problem; c.yaml an unknown field. */
    private void threeFilesThreeProblems() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), WEB);
        Files.writeString(dir.resolve("b.yaml"), WEB.replace("instanceProtocol: HTTP", "instanceProtocol: TCP"));
        Files.writeString(dir.resolve("c.yaml"), WEB.replace("name: web", "name: api").replace("  availabilityZones", "  availabilityZone"));
    }

    @Test
    void aDuplicateNameDoesNotHideTheOtherDocumentsProblemsAndEachLandsOnItsLine() throws IOException {
        threeFilesThreeProblems();

        Cli.Result result = Cli.run("validate", dir.toString(), "--format", "github");

        assertEquals(ExitCodes.ERROR, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        String b = dir.resolve("b.yaml").toString().replace(":", "%3A");
        assertTrue(lines.contains("::error file=" + b + ",line=4,col=9,title=elb-reconcile::load balancer 'web' is already declared at "
                + dir.resolve("a.yaml") + ":4:9"), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=" + b + ",line=10,col=") && l.contains("instance protocol")),
                result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=" + dir.resolve("c.yaml").toString().replace(":", "%3A")
                + ",line=")), result.out());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("::error file=")), "only workflow commands on stdout: " + result.out());
        assertEquals(lines.size() + " problems in the input.\n", result.err());
    }

    @Test
    void jsonListsTheSameProblemsAsData() throws IOException {
        threeFilesThreeProblems();
        Cli.Result text = Cli.run("validate", dir.toString());

        Cli.Result result = Cli.run("validate", dir.toString(), "--format", "json");

        assertEquals(ExitCodes.ERROR, result.code());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(false, json.get("valid").asBoolean());
        List<String> problems = new java.util.ArrayList<>();
        json.get("problems").forEach(p -> problems.add("error: " + p.get("file").asText() + ":" + p.get("line").asInt() + ":"
                + p.get("column").asInt() + ": " + p.get("message").asText() + (p.has("hint") ? " (" + p.get("hint").asText() + ")" : "")));
        List<String> textLines = text.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(textLines, problems, "the same problems as the text form, in the same order");
        assertTrue(problems.size() >= 3, problems.toString());
    }

    @Test
    void validInputInJsonGivesTheCounts() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), WEB);
        Cli.Result result = Cli.run("validate", dir.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, result.code(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertTrue(json.get("valid").asBoolean());
        assertEquals(0, json.get("problems").size());
        assertEquals(1, json.get("loadBalancers").asInt());
    }

    @Test
    void aProblemWithAWholeFileAnnotatesTheFile() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "# nothing here\n");
        Cli.Result result = Cli.run("validate", dir.toString(), "--format", "github");
        assertEquals(ExitCodes.ERROR, result.code());
        String file = dir.resolve("a.yaml").toString().replace(":", "%3A");
        assertTrue(result.out().startsWith("::error file=" + file + ",title=elb-reconcile::")
                || result.out().startsWith("::error file=" + file + ",line=1,col=1,title=elb-reconcile::"), result.out());
    }

    @Test
    void aMessageCannotEndTheWorkflowCommandEarly() throws IOException {
        Path odd = Files.createDirectories(dir.resolve("a,b"));
        Files.writeString(odd.resolve("x.yaml"), "apiVersion: elb-reconcile/v1\nkind: Nope\n");
        Cli.Result result = Cli.run("validate", odd.toString(), "--format", "github");
        assertEquals(ExitCodes.ERROR, result.code());
        String line = result.out().lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("::error file=" + odd.toString().replace(":", "%3A").replace(",", "%2C") + "/x.yaml,line="), line);
        assertEquals(1, line.split("::", -1).length - 2, "exactly one '::' after the command name: " + line);
    }
}
