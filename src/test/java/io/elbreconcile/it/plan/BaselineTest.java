package io.elbreconcile.it.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --baseline}: each differing property is this change's, drift (changed outside Git)
 * or both, judged against the target branch's tree, with no API call beyond the plan's own.
 */
@ExtendWith(EmulatorExtension.class)
class BaselineTest {

    @TempDir
    Path dir;

    private static String web(String team, int interval, int idleTimeout) {
        return """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata:
                  name: web
                spec:
                  availabilityZones: [us-east-1a]
                  listeners:
                    - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
                  healthCheck: {target: "HTTP:8080/", interval: %d, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 2}
                  attributes: {idleTimeout: %d}
                  tags: {team: %s}
                """.formatted(interval, idleTimeout, team);
    }

    private Path tree(String name, String yaml) throws IOException {
        Path tree = Files.createDirectories(dir.resolve(name));
        Files.writeString(tree.resolve("web.yaml"), yaml);
        return tree;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((action, count) -> {
            long d = count - before.getOrDefault(action, 0L);
            if (d != 0) {
                delta.put(action, d);
            }
        });
        return delta;
    }

    @Test
    void changeDriftAndBothEachMarkedInJsonTextAndMarkdownWithNoExtraCall(EmulatorServer emulator) throws Exception {
        Path main = tree("main", web("web", 30, 60));
        assertEquals(ExitCodes.OK, Cli.against(emulator, "apply", main.toString(), "--auto-approve").code());
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            // Outside Git: the interval (the pull request keeps it) and the idle timeout (the pull request changes it too).
            elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("HTTP:8080/").interval(10)
                    .timeout(5).healthyThreshold(3).unhealthyThreshold(2)));
            elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("web")
                    .loadBalancerAttributes(a -> a.connectionSettings(c -> c.idleTimeout(300))));
        }
        Path pullRequest = tree("pr", web("shop", 30, 120));

        Map<String, Long> callsBefore = new HashMap<>(emulator.callCounts());
        Cli.Result plain = Cli.against(emulator, "plan", pullRequest.toString(), "--format", "json");
        Map<String, Long> plainCalls = delta(callsBefore, emulator.callCounts());
        callsBefore = new HashMap<>(emulator.callCounts());
        Cli.Result json = Cli.against(emulator, "plan", pullRequest.toString(), "--baseline", main.toString(), "--format", "json");
        assertEquals(plainCalls, delta(callsBefore, emulator.callCounts()), "--baseline adds no API call");
        assertEquals(ExitCodes.OK, json.code(), json.toString());

        JsonNode changes = new ObjectMapper().readTree(json.out()).get("changes");
        Map<String, JsonNode> byAddress = new HashMap<>();
        changes.forEach(c -> byAddress.put(c.get("address").asText(), c));
        assertEquals("change", byAddress.get("Tags/web").at("/causes/team").asText());
        assertEquals("drift", byAddress.get("HealthCheck/web").at("/causes/interval").asText());
        assertEquals("both", byAddress.get("Attributes/web").at("/causes/idleTimeout").asText());
        assertFalse(new ObjectMapper().readTree(plain.out()).get("changes").findValues("causes").iterator().hasNext(),
                "no causes without --baseline");

        Cli.Result text = Cli.against(emulator, "plan", pullRequest.toString(), "--baseline", main.toString(), "--no-color");
        assertTrue(text.out().matches("(?s).*\\binterval +: 10 -> 30  # changed outside Git \\(live 10, Git 30\\)\n.*"), text.out());
        assertTrue(text.out().contains("idleTimeout : 300 -> 120  # changed outside Git (live 300) and by this change"), text.out());
        assertTrue(text.out().lines().filter(l -> l.contains("team")).noneMatch(l -> l.contains("outside Git")), text.out());

        Cli.Result markdown = Cli.against(emulator, "plan", pullRequest.toString(), "--baseline", main.toString(),
                "--format", "markdown");
        assertTrue(markdown.out().contains("`interval`: `10` → `30` ⚠️ _changed outside Git (live 10, Git 30)_"), markdown.out());
    }

    @Test
    void anInvalidBaselineIsReportedAtItsFile(EmulatorServer emulator) throws Exception {
        Path main = tree("main", "apiVersion: elb-reconcile/v1\nkind: Nope\n");
        Path pullRequest = tree("pr", web("web", 30, 60));
        long writes = emulator.mutatingCallCount();

        Cli.Result result = Cli.against(emulator, "plan", pullRequest.toString(), "--baseline", main.toString());

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertTrue(result.err().contains(main.resolve("web.yaml").toString()), result.toString());
        assertEquals(writes, emulator.mutatingCallCount());
    }

    @Test
    void aDirectoryTheTargetBranchDoesNotHaveYetMakesEverythingThisChange(EmulatorServer emulator) throws Exception {
        Path pullRequest = tree("pr", web("web", 30, 60));

        Cli.Result json = Cli.against(emulator, "plan", pullRequest.toString(), "--baseline", dir.resolve("absent").toString(),
                "--format", "json");

        assertEquals(ExitCodes.OK, json.code(), json.toString());
        new ObjectMapper().readTree(json.out()).get("changes").forEach(change -> change.path("causes")
                .forEach(cause -> assertEquals("change", cause.asText(), change.toString())));
        assertTrue(json.out().contains("\"causes\""), json.out());
    }
}
