package io.elbreconcile.it.coexist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --target} on plan, apply, drift and graph, end to end: an emergency fix to one load
 * balancer of a fleet that another writer changed everywhere touches only that one.
 */
@ExtendWith(EmulatorExtension.class)
class TargetTest {

    private static final List<String> NAMES = List.of("web-1", "web-2", "api");

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient otherWriter;

    @TempDir
    Path dir;

    TargetTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void fleet() throws IOException {
        otherWriter = ElbClients.forEndpoint(emulator.endpoint());
        for (String name : NAMES) {
            Files.writeString(dir.resolve(name + ".yaml"), """
                    apiVersion: elb-reconcile/v1
                    kind: LoadBalancer
                    metadata: {name: NAME}
                    spec:
                      availabilityZones: [us-east-1a]
                      listeners:
                        - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
                      healthCheck: {target: "HTTP:8080/health", interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2}
                      tags: {team: NAME}
                    """.replace("NAME", name));
        }
        Cli.Result apply = run("apply", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        // Another writer changes every load balancer: its health check and a tag.
        for (String name : NAMES) {
            otherWriter.configureHealthCheck(r -> r.loadBalancerName(name).healthCheck(h -> h.target("TCP:8080").interval(30)
                    .timeout(5).healthyThreshold(10).unhealthyThreshold(2)));
            otherWriter.addTags(r -> r.loadBalancerNames(name).tags(Tag.builder().key("stray").value("x").build()));
        }
    }

    @AfterEach
    void close() {
        otherWriter.close();
    }

    private Cli.Result run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, dir.toString()));
        all.addAll(List.of(args));
        return Cli.against(emulator, all.toArray(String[]::new));
    }

    private String healthTarget(String name) {
        return otherWriter.describeLoadBalancers(r -> r.loadBalancerNames(name)).loadBalancerDescriptions().get(0)
                .healthCheck().target();
    }

    private boolean hasStrayTag(String name) {
        return otherWriter.describeTags(r -> r.loadBalancerNames(name)).tagDescriptions().get(0).tags().stream()
                .anyMatch(t -> t.key().equals("stray"));
    }

    @Test
    void applyWithATargetChangesOnlyThatLoadBalancer() {
        int from = emulator.callLog().size();
        Cli.Result plan = run("plan", "--target", "LoadBalancer/web-1");
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(List.of(), emulator.callLog().subList(from, emulator.callLog().size()).stream()
                .filter(call -> call.parameters().containsValue("web-2") || call.parameters().containsValue("api"))
                .map(RecordedCall::action).toList(), "plan reads only what --target may cover, as apply does");
        assertTrue(plan.out().contains("HealthCheck/web-1"), plan::toString);
        assertFalse(plan.out().contains("web-2") || plan.out().contains("api"), plan::toString);
        assertTrue(plan.out().contains("partial plan: only --target LoadBalancer/web-1"), plan::toString);

        Cli.Result apply = run("apply", "--target", "LoadBalancer/web-1", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals("HTTP:8080/health", healthTarget("web-1"));
        assertFalse(hasStrayTag("web-1"));
        for (String untouched : List.of("web-2", "api")) {
            assertEquals("TCP:8080", healthTarget(untouched), untouched + " was changed outside the target");
            assertTrue(hasStrayTag(untouched), untouched + " was changed outside the target");
        }
    }

    @Test
    void globsAndNarrowAddressesSelectWhatTheyName() {
        Cli.Result apply = run("apply", "--target", "LoadBalancer/web-*", "--target", "HealthCheck/api", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        for (String name : NAMES) {
            assertEquals("HTTP:8080/health", healthTarget(name), name);
        }
        assertFalse(hasStrayTag("web-1"));
        assertFalse(hasStrayTag("web-2"));
        assertTrue(hasStrayTag("api"), "Tags/api lies outside HealthCheck/api");

        Cli.Result drift = run("drift");
        assertEquals(2, drift.code(), drift::toString);
        assertEquals(2, drift.outLines().size(), drift::toString);
        assertTrue(drift.out().startsWith("changed   Tags/api"), drift::toString);
    }

    @Test
    void driftAndGraphWithATargetShowOnlyIt() throws IOException {
        Cli.Result drift = run("drift", "--target", "HealthCheck/web-*", "--format", "json");
        assertEquals(2, drift.code(), drift::toString);
        JsonNode json = new ObjectMapper().readTree(drift.out());
        List<String> addresses = new ArrayList<>();
        json.path("differences").forEach(d -> addresses.add(d.path("address").asText()));
        assertEquals(List.of("HealthCheck/web-1", "HealthCheck/web-2"), addresses);

        Cli.Result graph = run("graph", "--target", "Tags/api");
        assertEquals(0, graph.code(), graph::toString);
        assertTrue(graph.out().contains("Tags/api"), graph::toString);
        assertFalse(graph.out().contains("web-"), graph::toString);
        assertFalse(graph.out().contains("HealthCheck/api"), graph::toString);
    }

    @Test
    void aSavedPlanRecordsItsTargetsAndAppliesOnlyThem() throws IOException {
        Path planFile = dir.resolve("../target-plan.json").normalize();
        Cli.Result plan = run("plan", "--target", "LoadBalancer/api", "--out", planFile.toString());
        assertEquals(0, plan.code(), plan::toString);
        JsonNode saved = new ObjectMapper().readTree(Files.readString(planFile));
        assertEquals("LoadBalancer/api", saved.path("options").path("targets").get(0).asText(), saved::toString);

        // Like --stack, the targets are given to apply again and must be the ones the plan was made with.
        long writes = emulator.mutatingCallCount();
        for (List<String> given : List.of(List.<String>of(), List.of("--target", "LoadBalancer/web-1"))) {
            List<String> args = new ArrayList<>(List.of("apply", planFile.toString(), "--auto-approve"));
            args.addAll(given);
            Cli.Result other = Cli.against(emulator, args.toArray(String[]::new));
            assertEquals(1, other.code(), other::toString);
            assertTrue(other.err().contains("the plan was made with --target LoadBalancer/api but apply was given"), other::toString);
        }
        assertEquals(writes, emulator.mutatingCallCount());

        Cli.Result apply = Cli.against(emulator, "apply", planFile.toString(), "--target", "LoadBalancer/api", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals("HTTP:8080/health", healthTarget("api"));
        assertEquals("TCP:8080", healthTarget("web-1"));
    }

    @Test
    void aTargetOnALoadBalancerStillToBeCreatedBringsItsCreation() throws IOException {
        Files.writeString(dir.resolve("new.yaml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: fresh}
                spec:
                  availabilityZones: [us-east-1a]
                  listeners:
                    - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
                """);
        Cli.Result apply = run("apply", "--target", "Listener/fresh/80", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(1, otherWriter.describeLoadBalancers(r -> r.loadBalancerNames("fresh")).loadBalancerDescriptions().size());
        assertEquals("TCP:8080", healthTarget("web-1"));
    }

    @Test
    void aMalformedTargetIsOneLineAndChangesNothing() {
        long writes = emulator.mutatingCallCount();
        Cli.Result plan = run("apply", "--target", "Lisener/web-1/80", "--auto-approve");
        assertEquals(1, plan.code(), plan::toString);
        assertTrue(plan.err().contains("unknown kind 'Lisener'"), plan::toString);
        assertFalse(plan.err().contains("\tat "), "no stack trace");
        assertEquals(writes, emulator.mutatingCallCount());
    }
}
