package io.elbreconcile.it.coexist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.InputDir;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings.ignoreTags and ignoreChanges end to end: elb-reconcile applies, another writer (the
 * AWS SDK in this test) changes the load balancer behind its back, and plan, drift and apply
 * leave what is ignored alone while still acting on everything else.
 */
@ExtendWith(EmulatorExtension.class)
class IgnoreRulesTest {

    static final String WEB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: web}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
              healthCheck: {target: "HTTP:8080/health", interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2}
              attributes: {idleTimeout: 60, crossZoneLoadBalancing: true}
              tags: {team: web, owner: alice}
              ignoreChanges: [healthCheck.interval, attributes.idleTimeout, tags.owner]
            """;

    static final String SETTINGS = """
            apiVersion: elb-reconcile/v1
            kind: Settings
            metadata: {name: shared-account}
            spec:
              ignoreTags: [CostCenter, "ops:*"]
            """;

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient otherWriter;

    private InputDir input;

    IgnoreRulesTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client(@TempDir Path dir) {
        otherWriter = ElbClients.forEndpoint(emulator.endpoint());
        input = new InputDir(emulator, dir);
    }

    @AfterEach
    void close() {
        otherWriter.close();
    }

    private Map<String, String> liveTags() {
        Map<String, String> tags = new TreeMap<>();
        otherWriter.describeTags(r -> r.loadBalancerNames("web")).tagDescriptions().get(0).tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private HealthCheck liveHealthCheck() {
        return otherWriter.describeLoadBalancers(r -> r.loadBalancerNames("web")).loadBalancerDescriptions().get(0).healthCheck();
    }

    private JsonNode driftJson() throws IOException {
        Cli.Result drift = input.run("drift", "--format", "json");
        return new ObjectMapper().readTree(drift.out());
    }

    @Test
    void tagsOfOtherToolsAreNeverRemovedNorReported() throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("web.yaml", WEB);
        input.applied();
        otherWriter.addTags(r -> r.loadBalancerNames("web").tags(
                Tag.builder().key("CostCenter").value("4711").build(),
                Tag.builder().key("ops:scanner").value("clean").build()));

        Cli.Result plan = input.run("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        Cli.Result drift = input.run("drift");
        assertEquals(0, drift.code(), drift::toString);
        JsonNode json = driftJson();
        assertEquals(0, json.path("summary").path("differences").asInt(), json::toString);
        assertEquals(2, json.path("summary").path("ignored").asInt(), json::toString);

        long writes = emulator.mutatingCallCount();
        input.applied();
        assertEquals(writes, emulator.mutatingCallCount(), "apply wrote although only ignored tags differ");
        assertEquals("4711", liveTags().get("CostCenter"));
        assertEquals("clean", liveTags().get("ops:scanner"));
    }

    @Test
    void aTagNoRuleCoversIsStillRemovedAndReported() throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("web.yaml", WEB);
        input.applied();
        otherWriter.addTags(r -> r.loadBalancerNames("web").tags(Tag.builder().key("Stray").value("x").build(),
                Tag.builder().key("CostCenter").value("4711").build()));

        JsonNode json = driftJson();
        assertEquals(1, json.path("summary").path("differences").asInt(), json::toString);
        assertEquals("Tags/web", json.path("differences").get(0).path("address").asText());
        input.applied();
        assertEquals(Map.of("CostCenter", "4711", "owner", "alice", "team", "web"), liveTags());
    }

    @Test
    void withoutSettingsAnotherToolsTagIsRemoved() {
        input.write("web.yaml", WEB);
        input.applied();
        otherWriter.addTags(r -> r.loadBalancerNames("web").tags(Tag.builder().key("CostCenter").value("4711").build()));
        Cli.Result plan = input.run("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        input.applied();
        assertTrue(!liveTags().containsKey("CostCenter"), "the baseline behaviour the rules change");
    }

    @Test
    void ignoredValuesAreSetOnCreateAndNeverUpdatedAfter() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        // Set on create: the declared values.
        assertEquals(30, liveHealthCheck().interval());
        assertEquals("alice", liveTags().get("owner"));
        assertEquals(60, otherWriter.describeLoadBalancerAttributes(r -> r.loadBalancerName("web"))
                .loadBalancerAttributes().connectionSettings().idleTimeout());

        // An on-call engineer changes the interval in an incident; someone re-assigns the owner tag.
        otherWriter.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(liveHealthCheck().toBuilder().interval(10).build()));
        otherWriter.modifyLoadBalancerAttributes(r -> r.loadBalancerName("web")
                .loadBalancerAttributes(a -> a.connectionSettings(c -> c.idleTimeout(300))));
        otherWriter.addTags(r -> r.loadBalancerNames("web").tags(Tag.builder().key("owner").value("bob").build()));

        Cli.Result plan = input.run("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        JsonNode json = driftJson();
        assertEquals(0, json.path("summary").path("differences").asInt(), json::toString);
        assertEquals(3, json.path("summary").path("ignored").asInt(), json::toString);
        long writes = emulator.mutatingCallCount();
        input.applied();
        assertEquals(writes, emulator.mutatingCallCount());
        assertEquals(10, liveHealthCheck().interval());
        assertEquals("bob", liveTags().get("owner"));

        // A field next to an ignored one is still reconciled: one change, and the ignored one stays.
        otherWriter.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(liveHealthCheck().toBuilder().timeout(7).build()));
        otherWriter.removeTags(r -> r.loadBalancerNames("web").tags(TagKeyOnly.builder().key("team").build()));
        json = driftJson();
        assertEquals(2, json.path("summary").path("differences").asInt(), json::toString);
        input.applied();
        assertEquals(5, liveHealthCheck().timeout());
        assertEquals(10, liveHealthCheck().interval());
        assertEquals("web", liveTags().get("team"));
    }

    @Test
    void anUnknownIgnoreChangesPathIsRefusedWithAHint() {
        input.write("web.yaml", WEB.replace("[healthCheck.interval,", "[healthCheck.intervall,"));
        long writes = emulator.mutatingCallCount();
        Cli.Result plan = input.run("plan");
        assertEquals(1, plan.code(), plan::toString);
        assertTrue(plan.err().contains("web.yaml:11:"), plan::toString);
        assertTrue(plan.err().contains("ignoreChanges: unknown path 'healthCheck.intervall'"), plan::toString);
        assertTrue(plan.err().contains("did you mean 'healthCheck.interval'?"), plan::toString);
        assertEquals(writes, emulator.mutatingCallCount());

        input.write("web.yaml", WEB.replace("tags.owner]", "tag.owner]"));
        Cli.Result validate = Cli.run("validate", input.dir().toString());
        assertEquals(1, validate.code(), validate::toString);
        assertTrue(validate.err().contains("did you mean 'tags.owner'?"), validate::toString);
    }

    @Test
    void contradictoryRulesAreRefused() {
        input.write("settings.yaml", SETTINGS);
        input.write("settings-2.yaml", SETTINGS.replace("shared-account", "again"));
        input.write("web.yaml", WEB.replace("owner: alice}", "owner: alice, CostCenter: \"1\"}")
                .replace("tags.owner]", "tags.owner, listeners.443.sslCertificateId]"));
        Cli.Result validate = Cli.run("validate", input.dir().toString());
        assertEquals(1, validate.code(), validate::toString);
        assertTrue(validate.err().contains("a second Settings document"), validate::toString);
        assertTrue(validate.err().contains("tag 'CostCenter' is declared, but Settings.ignoreTags leaves it to other tools"),
                validate::toString);
        assertTrue(validate.err().contains("listeners.443.sslCertificateId names no HTTPS or SSL listener of 'web'"),
                validate::toString);
    }
}
