package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecLoaderTest {

    private final SpecLoader loader = new SpecLoader();

    @Test
    void quickstartIsTheSeedExample() {
        DesiredState state = loader.load(Path.of("examples/quickstart")).state();

        DesiredLoadBalancer lb = state.loadBalancers().get("my-load-balancer");
        assertEquals(Scheme.INTERNET_FACING, lb.scheme());
        assertEquals(List.of("us-east-1a"), lb.availabilityZones());
        assertEquals(List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("my-duration-cookie-policy"))),
                lb.listeners());
        assertEquals(List.of(new LbCookiePolicy("my-duration-cookie-policy", 60)), lb.policies());
        assertNull(lb.healthCheck(), "an undeclared health check is left alone");
        assertTrue(lb.attributes().isEmpty(), "undeclared attributes are left alone");
        assertTrue(state.attachments().isEmpty());
    }

    @Test
    void everyExampleValidates() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            // examples/ci and examples/kubernetes hold pipeline and cluster files (checked by CiExamplesTest and
            // ShardExamplesTest), not desired state.
            List<Path> directories = examples.filter(Files::isDirectory).filter(d -> !d.endsWith("ci") && !d.endsWith("kubernetes"))
                    .sorted().toList();
            assertTrue(directories.size() >= 3, "quickstart and at least two more: " + directories);
            for (Path example : directories) {
                for (var shard : loader.load(example).shards()) {
                    assertFalse(shard.desired().equals(DesiredState.empty()), example + " declares something in " + shard.name());
                }
            }
        }
    }

    @Test
    void theContractsOwnExampleValidates() {
        DesiredState state = loader.load(Path.of("src/test/resources/spec/product-contract-example.yaml")).state();

        DesiredLoadBalancer lb = state.loadBalancers().get("my-load-balancer");
        assertEquals(new HealthCheck("HTTP:8080/health", 30, 5, 10, 2), lb.healthCheck());
        assertEquals(new Attributes(true, new ConnectionDraining(true, 300), 60,
                io.elbreconcile.model.AccessLog.disabled()), lb.attributes());
        assertEquals(Map.of("team", "web"), lb.tags());
        assertTrue(lb.protect());
        assertEquals(2, lb.policies().size());
        assertTrue(lb.policies().contains(new AppCookiePolicy("my-app-cookie-policy", "SESSIONID")));
    }

    @Test
    void attachModePoliciesTargetLoadBalancersDeclaredNowhere() {
        DesiredState state = loader.load(Path.of("examples/attach-mode")).state();

        assertTrue(state.loadBalancers().isEmpty());
        assertEquals(List.of(
                new PolicyAttachment("legacy-web", new AppCookiePolicy("legacy-web-app-cookie", "PHPSESSID"), List.of(), false),
                new PolicyAttachment("legacy-web", new LbCookiePolicy("legacy-web-sticky-30m", 1800), List.of(80), true)),
                state.attachments());
    }

    @Test
    void languageDefaultsAreFilledIn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lb.yml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: api}
                spec:
                  subnets: [subnet-1]
                  listeners: [{protocol: TCP, loadBalancerPort: 443, instanceProtocol: TCP, instancePort: 443}]
                  healthCheck: {target: "TCP:443"}
                  attributes: {connectionDraining: {enabled: true}}
                ---
                apiVersion: elb-reconcile/v1
                kind: LBCookieStickinessPolicy
                metadata: {name: session}
                spec: {loadBalancer: api}
                """);
        DesiredLoadBalancer lb = loader.load(dir).state().loadBalancers().get("api");

        assertEquals(Scheme.INTERNET_FACING, lb.scheme());
        assertEquals(new HealthCheck("TCP:443", 30, 5, 10, 2), lb.healthCheck());
        assertEquals(new Attributes(null, new ConnectionDraining(true, 300), null, null), lb.attributes());
        assertEquals(List.of(new LbCookiePolicy("session", 0)), lb.policies(), "omitted period = session cookie");
        assertEquals(List.of(), lb.listeners().get(0).policyNames());
    }

    @Test
    void originsPointAtTheDeclarations(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("nested"));
        Files.copy(Path.of("examples/quickstart/my-load-balancer.yaml"), dir.resolve("nested/q.yaml"));
        Files.writeString(dir.resolve(".hidden.yaml"), "not: [valid");
        Files.writeString(dir.resolve("notes.txt"), "ignored: [");
        DesiredState state = loader.load(dir).state();

        String file = dir.resolve("nested/q.yaml").toString();
        assertEquals(file + ":5:1", state.originOf(Address.loadBalancer("my-load-balancer")).orElseThrow().toString());
        assertEquals(file + ":13:7", state.originOf(Address.listener("my-load-balancer", 80)).orElseThrow().toString());
        assertEquals(file + ":19:1", state.originOf(Address.policy("my-load-balancer",
                new LbCookiePolicy("my-duration-cookie-policy", 60))).orElseThrow().toString());
    }

    @Test
    void yamlOneOneSpellingsOfNumbersAndBooleansAreRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: web}
                spec:
                  availabilityZones: [us-east-1a]
                  listeners: [{protocol: HTTP, loadBalancerPort: 0x50, instanceProtocol: HTTP, instancePort: 8_080}]
                  attributes: {crossZoneLoadBalancing: yes}
                """);
        DesiredLoadBalancer lb = loader.load(dir).state().loadBalancers().get("web");
        assertEquals(80, lb.listeners().get(0).loadBalancerPort());
        assertEquals(8080, lb.listeners().get(0).instancePort());
        assertEquals(Boolean.TRUE, lb.attributes().crossZoneLoadBalancing());
    }

    @Test
    void problemsAreAllReportedNotJustTheFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: web_1}
                spec: {availabilityZones: [a], listeners: [{protocol: HTTP, loadBalancerPort: 0, instanceProtocol: HTTP, instancePort: 1}]}
                ---
                apiVersion: elb-reconcile/v1
                kind: AppCookieStickinessPolicy
                metadata: {name: p}
                spec: {loadBalancer: web}
                """);
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> loader.load(dir));
        assertEquals(3, invalid.diagnostics().size(), invalid.diagnostics().renderLines().toString());
    }

    @Test
    void theSchemaIsAValidDraft2020Schema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/elb-reconcile-v1.schema.json").toFile());
        JsonNode metaSchema = new ObjectMapper().readTree(JsonSchemaFactory.class.getResourceAsStream("/draft/2020-12/schema"));
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(metaSchema);
        assertEquals(0, validator.validate(schema).size(), () -> validator.validate(schema).toString());
    }
}
