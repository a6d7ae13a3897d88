package io.elbreconcile.it.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.InputDir;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code drift} through the CLI against the real emulator over HTTP: one test per drift kind, the
 * exit codes, the text and JSON outputs, normalisation, and that drift only reads.
 */
@ExtendWith(EmulatorExtension.class)
@EmulatorOptions(loadBalancerQuota = 5_000)
class DriftCommandTest {

    static final String WEB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: web}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [sticky]}
              healthCheck: {target: "HTTP:8080/health", interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2}
              tags: {team: web}
            ---
            apiVersion: elb-reconcile/v1
            kind: LBCookieStickinessPolicy
            metadata: {name: sticky}
            spec: {loadBalancer: web, cookieExpirationPeriod: 60}
            """;

    private static final JsonSchema DRIFT_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read(Path.of("schemas/drift-v1.schema.json")));

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    @TempDir
    Path dir;
    private InputDir input;

    DriftCommandTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
        input = new InputDir(emulator, dir);
    }

    @AfterEach
    void close() {
        elb.close();
    }

    /** Runs drift and checks what every run must satisfy: no mutating call, one line per difference plus a summary. */
    private Cli.Result drift(String... extra) {
        long mutatingBefore = emulator.mutatingCallCount();
        Cli.Result result = input.run("drift", extra);
        assertEquals(mutatingBefore, emulator.mutatingCallCount(), "drift made a mutating call");
        if (result.code() == 2 && !List.of(extra).contains("json") && !List.of(extra).contains("markdown")) {
            List<String> lines = result.outLines();
            String summary = lines.get(lines.size() - 1);
            assertTrue(summary.startsWith("Drift: " + (lines.size() - 1) + " difference"), result::toString);
        }
        return result;
    }

    private JsonNode driftJson(String... extra) {
        String[] args = new String[extra.length + 2];
        System.arraycopy(extra, 0, args, 0, extra.length);
        args[extra.length] = "--format";
        args[extra.length + 1] = "json";
        Cli.Result result = drift(args);
        JsonNode json = parse(result.out());
        Set<ValidationMessage> problems = DRIFT_SCHEMA.validate(json);
        assertTrue(problems.isEmpty(), () -> problems + "\n" + result);
        return json;
    }

    // ---- clean

    @Test
    void cleanIsQuietWithExitZero() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        Cli.Result result = drift();
        assertEquals(0, result.code(), result::toString);
        assertEquals("", result.out(), "quiet when clean");

        JsonNode json = driftJson();
        assertEquals(0, json.get("differences").size());
        assertEquals(0, json.get("summary").get("differences").asInt());
        assertEquals(1, json.get("formatVersion").asInt());
        assertEquals("us-east-1", json.get("target").get("region").asText());
    }

    // ---- a load balancer that would need replacing

    @Test
    void aPendingReplacementIsOneChangedLineAndItsPartsAreComparedInPlace() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        input.write("web.yaml", WEB.replace("availabilityZones: [us-east-1a]", "availabilityZones: [us-east-1a]\n  scheme: internal"));
        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(2, lines.size(), result::toString);   // one difference and the summary
        assertTrue(lines.get(0).startsWith("changed") && lines.get(0).contains("LoadBalancer/web")
                && lines.get(0).contains("scheme"), result::toString);

        input.write("web.yaml", WEB.replace("availabilityZones: [us-east-1a]", "availabilityZones: [us-east-1a]\n  scheme: internal")
                .replace("cookieExpirationPeriod: 60", "cookieExpirationPeriod: 90"));
        List<String> both = drift().outLines();
        assertEquals(3, both.size(), both::toString);
        assertTrue(both.stream().anyMatch(l -> l.contains("LBCookieStickinessPolicy/web/sticky") && l.contains("90")), both::toString);
    }

    @Test
    void aListenerDeclaredHttpsIsOneChangedListenerNotADetachedPolicy() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        input.write("web.yaml", WEB.replace("{protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [sticky]}",
                "{protocol: HTTPS, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, "
                        + "sslCertificateId: 'arn:aws:iam::123456789012:server-certificate/web', policies: [sticky]}"));
        List<String> lines = drift().outLines();
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("changed") && lines.get(0).contains("Listener/web/80") && lines.get(0).contains("HTTPS"),
                lines::toString);
    }

    // ---- missing

    @Test
    void missingLoadBalancerIsOneLine() throws IOException {
        input.write("web.yaml", WEB);
        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(List.of("missing   LoadBalancer/web"), result.outLines().subList(0, 1));
        assertEquals(2, result.outLines().size(), result::toString);
        assertTrue(result.outLines().get(1).contains("1 missing"), result::toString);

        JsonNode diff = driftJson().get("differences").get(0);
        assertEquals("missing", diff.get("kind").asText());
        assertEquals("LoadBalancer/web", diff.get("address").asText());
        assertEquals(0, diff.get("before").size(), "nothing on the AWS side");
        assertTrue(diff.get("after").size() > 0, diff::toString);
    }

    @Test
    void missingPolicy() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames(List.of()));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("sticky"));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(List.of("missing   LBCookieStickinessPolicy/web/sticky  cookieExpirationPeriod: 60"),
                result.outLines().subList(0, result.outLines().size() - 1), result::toString);

        JsonNode json = driftJson();
        JsonNode missing = find(json, "LBCookieStickinessPolicy/web/sticky");
        assertEquals("missing", missing.get("kind").asText());
        assertEquals(60, missing.get("after").get("cookieExpirationPeriod").asInt(), missing::toString);
    }

    // ---- changed

    @Test
    void changedCookiePeriodShowsBeforeAndAfter() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        // Behind Git's back: the policy re-created with another period (AWS cannot modify one).
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames(List.of()));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("sticky"));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("sticky").cookieExpirationPeriod(120L));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames("sticky"));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(2, result.outLines().size(), "one difference, one summary line\n" + result);
        String line = result.outLines().get(0);
        assertTrue(line.startsWith("changed   LBCookieStickinessPolicy/web/sticky"), result::toString);
        assertTrue(line.contains("120") && line.contains("60"), line);

        JsonNode diff = find(driftJson(), "LBCookieStickinessPolicy/web/sticky");
        assertEquals("changed", diff.get("kind").asText());
        assertEquals(120, diff.get("before").get("cookieExpirationPeriod").asInt(), diff::toString);
        assertEquals(60, diff.get("after").get("cookieExpirationPeriod").asInt(), diff::toString);
    }

    @Test
    void changedHealthCheck() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("TCP:8080").interval(10)
                .timeout(5).healthyThreshold(10).unhealthyThreshold(2)));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(2, result.outLines().size(), result::toString);
        String line = result.outLines().get(0);
        assertTrue(line.startsWith("changed   HealthCheck/web"), line);
        assertTrue(line.contains("TCP:8080") && line.contains("HTTP:8080/health"), line);

        JsonNode diff = find(driftJson(), "HealthCheck/web");
        assertEquals("changed", diff.get("kind").asText());
        assertEquals(10, diff.get("before").get("interval").asInt(), diff::toString);
        assertEquals(30, diff.get("after").get("interval").asInt(), diff::toString);
    }

    @Test
    void changedTag() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        elb.addTags(r -> r.loadBalancerNames("web").tags(Tag.builder().key("team").value("api").build()));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("changed   Tags/web"), result::toString);
    }

    // ---- detached

    @Test
    void detachedPolicy() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames(List.of()));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(2, result.outLines().size(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("detached  ListenerPolicies/web/80"), result::toString);
        assertTrue(result.outLines().get(1).contains("1 detached"), result::toString);

        JsonNode diff = find(driftJson(), "ListenerPolicies/web/80");
        assertEquals("detached", diff.get("kind").asText());
        assertEquals(0, diff.get("before").get("policyNames").size(), diff::toString);
        assertEquals("sticky", diff.get("after").get("policyNames").get(0).asText(), diff::toString);
    }

    // ---- orphan

    @Test
    void orphanPolicyOnAManagedLoadBalancer() throws IOException {
        input.write("web.yaml", WEB);
        input.applied();
        elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("stray").cookieName("JSESSIONID"));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(2, result.outLines().size(), result::toString);
        assertEquals("orphan    AppCookieStickinessPolicy/web/stray  cookieName: \"JSESSIONID\"", result.outLines().get(0),
                result::toString);

        JsonNode diff = find(driftJson(), "AppCookieStickinessPolicy/web/stray");
        assertEquals("orphan", diff.get("kind").asText());
        assertEquals("JSESSIONID", diff.get("before").get("cookieName").asText(), diff::toString);
        assertEquals(0, diff.get("after").size(), diff::toString);
    }

    // ---- unmanaged

    @Test
    void unmanagedLoadBalancerWithTheStackTag() throws IOException {
        input.write("web.yaml", WEB);
        input.applied("--stack", "prod");
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80).build())
                .tags(Tag.builder().key("elb-reconcile:stack").value("prod").build()));
        elb.createLoadBalancer(r -> r.loadBalancerName("other-stack").availabilityZones("us-east-1a")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80).build())
                .tags(Tag.builder().key("elb-reconcile:stack").value("staging").build()));

        Cli.Result withoutStack = drift();
        assertEquals(0, withoutStack.code(), "without --stack nothing undeclared is looked at\n" + withoutStack);

        Cli.Result result = drift("--stack", "prod");
        assertEquals(2, result.code(), result::toString);
        assertEquals(List.of("unmanaged LoadBalancer/legacy"), result.outLines().subList(0, result.outLines().size() - 1),
                result::toString);
        assertTrue(result.outLines().get(1).contains("1 unmanaged"), result::toString);

        JsonNode json = driftJson("--stack", "prod");
        assertEquals(1, json.get("differences").size(), json::toString);
        assertEquals("unmanaged", find(json, "LoadBalancer/legacy").get("kind").asText());
        assertEquals("internet-facing", find(json, "LoadBalancer/legacy").get("before").get("scheme").asText(),
                "what exists is shown: " + json);
        assertFalse(find(json, "LoadBalancer/legacy").toString().contains("allow-delete"), "drift has no --allow-delete: " + json);
        assertEquals(1, json.get("summary").get("unmanaged").asInt());
        assertTrue(elb.describeLoadBalancers().loadBalancerDescriptions().stream()
                .anyMatch(d -> d.loadBalancerName().equals("legacy")), "drift never deletes");

        // protected or not, it is unmanaged
        elb.addTags(r -> r.loadBalancerNames("legacy").tags(Tag.builder().key("elb-reconcile:protect").value("true").build()));
        Cli.Result protectedOne = drift("--stack", "prod");
        assertEquals(2, protectedOne.code(), protectedOne::toString);
        assertEquals("unmanaged LoadBalancer/legacy", head(protectedOne.outLines().get(0)), protectedOne::toString);
    }

    // ---- several kinds at once, in one report

    @Test
    void everyKindInOneSortedReport() throws IOException {
        input.write("web.yaml", WEB);
        input.write("api.yaml", WEB.replace("web", "api"));
        input.applied("--stack", "prod");
        input.write("db.yaml", WEB.replace("web", "db"));
        elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("TCP:8080").interval(30)
                .timeout(5).healthyThreshold(10).unhealthyThreshold(2)));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("api").loadBalancerPort(80).policyNames(List.of()));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("api").policyName("stray"));
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a")
                .listeners(Listener.builder().protocol("TCP").loadBalancerPort(25).instanceProtocol("TCP").instancePort(25).build())
                .tags(Tag.builder().key("elb-reconcile:stack").value("prod").build()));

        Cli.Result result = drift("--stack", "prod");
        assertEquals(2, result.code(), result::toString);
        List<String> heads = result.outLines().subList(0, result.outLines().size() - 1).stream()
                .map(DriftCommandTest::head).toList();
        assertEquals(Set.of(
                "orphan LBCookieStickinessPolicy/api/stray",
                "unmanaged LoadBalancer/legacy",
                "detached ListenerPolicies/api/80",
                "missing LoadBalancer/db",
                "changed HealthCheck/web"), Set.copyOf(heads), result::toString);
        assertEquals(5, heads.size(), result::toString);
        JsonNode json = driftJson("--stack", "prod");
        List<String> jsonHeads = new java.util.ArrayList<>();
        json.get("differences").forEach(d -> jsonHeads.add(d.get("kind").asText() + " " + d.get("address").asText()));
        assertEquals(heads, jsonHeads, "text and JSON list the same differences in the same order");
        for (String kind : List.of("missing", "changed", "detached", "orphan", "unmanaged")) {
            assertEquals(1, json.get("summary").get(kind).asInt(), kind);
        }
        assertEquals(5, json.get("summary").get("differences").asInt());

        java.time.Instant at = java.time.Instant.parse(json.get("generatedAt").asText());
        assertTrue(Math.abs(java.time.Duration.between(at, java.time.Instant.now()).toMinutes()) < 60, at::toString);
        assertEquals(dir.resolve("db.yaml") + ":1", find(json, "LoadBalancer/db").get("source").asText());
        assertTrue(find(json, "HealthCheck/web").get("source").asText().startsWith(dir.resolve("web.yaml") + ":"));
        assertTrue(find(json, "ListenerPolicies/api/80").get("source").asText().startsWith(dir.resolve("api.yaml") + ":"));
        assertFalse(find(json, "LBCookieStickinessPolicy/api/stray").has("source"), "Git does not declare an orphan");
        assertFalse(find(json, "LoadBalancer/legacy").has("source"), "nor an unmanaged load balancer");

        Cli.Result markdown = drift("--stack", "prod", "--format", "markdown");
        assertEquals(2, markdown.code(), markdown::toString);
        assertTrue(markdown.out().startsWith("### elb-reconcile drift\n"), markdown::toString);
        assertTrue(markdown.out().contains("**Drift: 5 differences (1 missing, 1 changed, 1 detached, 1 orphan, 1 unmanaged)"),
                markdown::toString);
        assertTrue(markdown.out().contains("| orphan | `LBCookieStickinessPolicy/api/stray` | `cookieExpirationPeriod` = `0`"),
                markdown::toString);
        assertTrue(markdown.out().contains("| missing | `LoadBalancer/db` | ") && markdown.out().contains("| `" + dir.resolve("db.yaml") + ":1` |"),
                markdown::toString);
        assertEquals(2 + 5, markdown.outLines().stream().filter(l -> l.startsWith("|")).count(), "header, rule and five rows");
    }

    private static String head(String line) {
        String[] words = line.trim().split("\\s+");
        return words[0] + " " + words[1];
    }

    // ---- normalisation: nothing AWS considers equal

    @Test
    void equalByAwsIsNotDrift() throws IOException {
        // Built through the SDK the way someone else would: lower-case protocols, a session cookie
        // created without a period, zones and tags in another order.
        elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1b", "us-east-1a")
                .listeners(Listener.builder().protocol("http").loadBalancerPort(80).instanceProtocol("http").instancePort(8080).build())
                .tags(Tag.builder().key("team").value("web").build(), Tag.builder().key("cost").value("4711").build()));
        elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("HTTP:8080/health").interval(30)
                .timeout(5).healthyThreshold(10).unhealthyThreshold(2)));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("session"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames("session"));
        input.write("web.yaml", """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: web}
                spec:
                  availabilityZones: [us-east-1a, us-east-1b]
                  listeners:
                    - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [session]}
                  healthCheck: {target: "HTTP:8080/health", interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2}
                  attributes: {crossZoneLoadBalancing: false, connectionDraining: {enabled: false, timeout: 300}, idleTimeout: 60, accessLog: {enabled: false}}
                  tags: {cost: "4711", team: web}
                ---
                apiVersion: elb-reconcile/v1
                kind: LBCookieStickinessPolicy
                metadata: {name: session}
                spec: {loadBalancer: web, cookieExpirationPeriod: 0}
                """);
        Cli.Result result = drift();
        assertEquals(0, result.code(), result::toString);
        assertEquals("", result.out(), result::toString);

        // and the same with the period omitted
        input.write("web.yaml", Files.readString(dir.resolve("web.yaml")).replace(", cookieExpirationPeriod: 0", ""));
        Cli.Result omitted = drift();
        assertEquals(0, omitted.code(), omitted::toString);
    }

    @Test
    void vpcLoadBalancerIsCleanAfterApplyAndItsZonesAreNotDrift() throws IOException {
        // AWS reports the zones of a VPC load balancer's subnets; they are not declared and not drift.
        input.write("db.yaml", """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: db}
                spec:
                  scheme: internal
                  subnets: [subnet-0aa1, subnet-0bb2]
                  securityGroups: [sg-0123]
                  listeners:
                    - {protocol: tcp, loadBalancerPort: 5432, instanceProtocol: tcp, instancePort: 5432}
                """.replace("tcp", "TCP"));
        input.applied();
        Cli.Result clean = drift();
        assertEquals(0, clean.code(), clean::toString);
        assertEquals("", clean.out());

        elb.applySecurityGroupsToLoadBalancer(r -> r.loadBalancerName("db").securityGroups("sg-0456"));
        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(2, result.outLines().size(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("changed   LoadBalancer/db"), result::toString);
        assertTrue(result.outLines().get(0).contains("securityGroups"), result::toString);
        assertFalse(result.outLines().get(0).contains("availabilityZones"), result::toString);
    }

    static final String SECURE = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: shop}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [sticky]}
                - {protocol: HTTPS, loadBalancerPort: 443, instanceProtocol: HTTP, instancePort: 8080, sslCertificateId: "arn:aws:iam::123456789012:server-certificate/shop", policies: [sticky]}
              attributes: {idleTimeout: 120, accessLog: {enabled: true, s3BucketName: logs, s3BucketPrefix: shop, emitInterval: 5}}
            ---
            apiVersion: elb-reconcile/v1
            kind: LBCookieStickinessPolicy
            metadata: {name: sticky}
            spec: {loadBalancer: shop}
            """;

    @Test
    void missingListenerIsOneLine() throws IOException {
        input.write("shop.yaml", SECURE);
        input.applied();
        assertEquals(0, drift().code());
        elb.deleteLoadBalancerListeners(r -> r.loadBalancerName("shop").loadBalancerPorts(443));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        assertEquals(List.of("missing Listener/shop/443"), result.outLines().subList(0, result.outLines().size() - 1).stream()
                .map(DriftCommandTest::head).toList(), result::toString);
    }

    @Test
    void changedCertificateAndAttributes() throws IOException {
        input.write("shop.yaml", SECURE);
        input.applied();
        elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName("shop").loadBalancerPort(443)
                .sslCertificateId("arn:aws:iam::123456789012:server-certificate/other"));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("shop").loadBalancerAttributes(a -> a
                .connectionSettings(c -> c.idleTimeout(60))
                .accessLog(l -> l.enabled(false))));

        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        List<String> heads = result.outLines().subList(0, result.outLines().size() - 1).stream().map(DriftCommandTest::head).toList();
        assertEquals(List.of("changed Attributes/shop", "changed Listener/shop/443"), heads.stream().sorted().toList(), result::toString);
        assertTrue(result.out().contains("server-certificate/other"), result::toString);

        JsonNode attributes = find(driftJson(), "Attributes/shop");
        assertEquals(60, attributes.get("before").get("idleTimeout").asInt(), attributes::toString);
        assertEquals(120, attributes.get("after").get("idleTimeout").asInt(), attributes::toString);
        assertEquals(false, attributes.get("before").get("accessLog.enabled").asBoolean(), attributes::toString);
    }

    @Test
    void attachModePolicyOnSomeoneElsesLoadBalancer() throws IOException {
        elb.createLoadBalancer(r -> r.loadBalancerName("theirs").availabilityZones("us-east-1a")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80).build()));
        elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("theirs").policyName("their-own").cookieName("X"));
        input.write("attach.yaml", """
                apiVersion: elb-reconcile/v1
                kind: LBCookieStickinessPolicy
                metadata: {name: ours}
                spec: {loadBalancer: theirs, cookieExpirationPeriod: 30, listenerPorts: [80]}
                """);
        Cli.Result missing = drift();
        assertEquals(2, missing.code(), missing::toString);
        assertEquals("missing LBCookieStickinessPolicy/theirs/ours", head(missing.outLines().get(0)), missing::toString);
        assertEquals(2, missing.outLines().size(), "one line for the missing policy, no orphan on someone else's load balancer\n" + missing);

        input.applied();
        assertEquals(0, drift().code(), "their own policy is not ours to report");
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("theirs").loadBalancerPort(80).policyNames(List.of()));
        Cli.Result detached = drift();
        assertEquals(2, detached.code(), detached::toString);
        assertEquals("detached ListenerPolicies/theirs/80", head(detached.outLines().get(0)), detached::toString);
    }

    @Test
    void embeddedEmulatorStateFileTarget() throws IOException {
        Path yaml = Files.createDirectories(dir.resolve("in"));
        Files.writeString(yaml.resolve("web.yaml"), WEB);
        String state = "--emulator=" + dir.resolve("state.json");
        Cli.Result apply = Cli.run("apply", yaml.toString(), state, "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        Cli.Result clean = Cli.run("drift", yaml.toString(), state);
        assertEquals(0, clean.code(), clean::toString);
        assertEquals("", clean.out());

        Files.writeString(yaml.resolve("web.yaml"), WEB.replace("cookieExpirationPeriod: 60", "cookieExpirationPeriod: 90"));
        Cli.Result json = Cli.run("drift", yaml.toString(), state, "--format", "json");
        assertEquals(2, json.code(), json::toString);
        JsonNode report = parse(json.out());
        assertTrue(DRIFT_SCHEMA.validate(report).isEmpty(), json::toString);
        assertTrue(report.get("target").get("endpoint").asText().startsWith("emulator:"), json::toString);
        assertEquals("changed", find(report, "LBCookieStickinessPolicy/web/sticky").get("kind").asText());
    }

    // ---- errors

    @Test
    void invalidInputIsExitOneWithoutAnyCall() throws IOException {
        input.write("web.yaml", WEB.replace("cookieExpirationPeriod", "cookieExpirationPeriodd"));
        Map<String, Long> before = emulator.callCounts();
        Cli.Result result = drift();
        assertEquals(1, result.code(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertEquals(before, emulator.callCounts(), "no call for bad input");

        input.write("web.yaml", WEB);
        Cli.Result badFormat = drift("--format", "yaml");
        assertEquals(1, badFormat.code(), badFormat::toString);
        assertEquals("", badFormat.out(), badFormat::toString);
        assertEquals(before, emulator.callCounts(), "no call for a usage error");
    }

    @Test
    void unreachableTargetIsExitOneWithOneLine() throws IOException {
        input.write("web.yaml", WEB);
        Cli.Result result = Cli.run("drift", dir.toString(), "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1");
        assertEquals(1, result.code(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(!result.err().contains("\tat "), "no stack trace");
    }

    // ---- reads: the same minimal reads as plan

    @ParameterizedTest(name = "{0} declared load balancers")
    @ValueSource(ints = {1, 21})
    void readsAreMinimalAndTheSameAsPlan(int n) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < n; i++) {
            yaml.append(WEB.replace("web", "lb-" + i)).append("---\n");
            String name = "lb-" + i;
            elb.createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones("us-east-1a")
                    .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080).build()));
        }
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("lb-0").policyName("sticky").cookieExpirationPeriod(60L));
        input.write("fleet.yaml", yaml.substring(0, yaml.length() - "---\n".length()));

        Map<String, Long> before = emulator.callCounts();
        Cli.Result result = drift();
        assertEquals(2, result.code(), result::toString);
        Map<String, Long> driftCalls = delta(before, emulator.callCounts());

        long bound = (n + 399) / 400 + (n + 19) / 20;
        long reads = driftCalls.getOrDefault("DescribeLoadBalancers", 0L) + driftCalls.getOrDefault("DescribeTags", 0L);
        assertTrue(reads <= bound, "reads " + driftCalls + " > " + bound);
        assertEquals(0L, driftCalls.getOrDefault("DescribeLoadBalancerPolicies", 0L), driftCalls::toString);
        assertEquals(Set.of("DescribeLoadBalancers", "DescribeTags"), driftCalls.keySet(), driftCalls::toString);

        before = emulator.callCounts();
        Cli.Result plan = Cli.against(emulator, "plan", dir.toString());
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(driftCalls, delta(before, emulator.callCounts()), "drift reads exactly what plan reads");
    }

    // ---- helpers

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new java.util.TreeMap<>();
        after.forEach((action, count) -> {
            long d = count - before.getOrDefault(action, 0L);
            if (d != 0) {
                delta.put(action, d);
            }
        });
        return delta;
    }

    private static JsonNode find(JsonNode report, String address) {
        for (JsonNode difference : report.get("differences")) {
            if (difference.get("address").asText().equals(address)) {
                return difference;
            }
        }
        throw new AssertionError("no difference at " + address + " in " + report);
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
