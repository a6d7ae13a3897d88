package io.elbreconcile.it.coexist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings.allowedSslPolicies on live load balancers: elb-reconcile applies a compliant input,
 * another writer (the AWS SDK here) moves a listener to a policy the list does not allow, and
 * drift reports that listener as noncompliant in text, JSON and Markdown, exit 2, never writing.
 */
@ExtendWith(EmulatorExtension.class)
class SslAllowListTest {

    static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";

    static final String SETTINGS = """
            apiVersion: elb-reconcile/v1
            kind: Settings
            metadata: {name: audit}
            spec:
              allowedSslPolicies: [ELBSecurityPolicy-TLS-1-2-*, custom]
            """;

    static final String SHOP = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: shop}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: HTTPS
                  loadBalancerPort: 443
                  instanceProtocol: HTTP
                  instancePort: 8080
                  sslCertificateId: %1$s
                  sslPolicy: modern
                - protocol: SSL
                  loadBalancerPort: 8443
                  instanceProtocol: TCP
                  instancePort: 9443
                  sslCertificateId: %1$s
                  sslPolicy: partner
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
            ---
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata: {name: modern}
            spec: {loadBalancer: shop, reference: ELBSecurityPolicy-TLS-1-2-2017-01}
            ---
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata: {name: partner}
            spec: {loadBalancer: shop, protocols: [TLSv1.2], ciphers: [ECDHE-RSA-AES128-GCM-SHA256]}
            """.formatted(CERT);

    private static final JsonSchema DRIFT_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(readJson(Path.of("schemas/drift-v1.schema.json")));

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient otherWriter;

    private InputDir input;

    SslAllowListTest(EmulatorServer emulator) {
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

    @Test
    void aCompliantInputAppliesAndDriftIsQuiet() {
        input.write("settings.yaml", SETTINGS);
        input.write("shop.yaml", SHOP);
        input.applied();

        Cli.Result drift = input.drift();

        assertEquals(0, drift.code(), drift::toString);
        assertEquals("", drift.out());
    }

    /**
     * The console's way (a policy carrying the predefined policy's own name) and the API's way (any
     * name, with a Reference-Security-Policy): both are judged by the predefined policy they are.
     */
    @ParameterizedTest(name = "policy named {0}")
    @ValueSource(strings = {"ELBSecurityPolicy-2015-05", "legacy"})
    void aListenerSwitchedToAnOlderPolicyBehindTheToolsBackIsNoncompliant(String policyName) throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("shop.yaml", SHOP);
        input.applied();
        otherWriter.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName(policyName)
                .policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("Reference-Security-Policy")
                        .attributeValue("ELBSecurityPolicy-2015-05").build()));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(443).policyNames(policyName));

        Cli.Result text = input.drift();
        assertEquals(2, text.code(), text::toString);
        List<String> noncompliant = text.outLines().stream().filter(l -> l.startsWith("noncompliant")).toList();
        assertEquals(List.of("noncompliant Listener/shop/443  securityPolicy: \"ELBSecurityPolicy-2015-05\"; sslPolicy: \"" + policyName
                + "\"; allowedSslPolicies [ELBSecurityPolicy-TLS-1-2-*, custom] does not allow ELBSecurityPolicy-2015-05"), noncompliant);
        assertTrue(text.outLines().stream().anyMatch(l -> l.startsWith("detached") && l.contains("ListenerPolicies/shop/443")),
                "the move itself is drift too: " + text);
        assertTrue(text.outLines().get(text.outLines().size() - 1).contains("1 noncompliant"), text::toString);

        JsonNode json = new ObjectMapper().readTree(input.drift("--format", "json").out());
        assertEquals(java.util.Set.of(), DRIFT_SCHEMA.validate(json), json::toPrettyString);
        JsonNode difference = noncompliantDifference(json);
        assertEquals("Listener/shop/443", difference.path("address").asText());
        assertEquals("ELBSecurityPolicy-2015-05", difference.path("before").path("securityPolicy").asText());
        assertEquals(policyName, difference.path("before").path("sslPolicy").asText());
        assertEquals(0, difference.path("after").size());
        assertTrue(difference.path("source").asText().endsWith("shop.yaml:7"), difference::toString);
        assertEquals(1, json.path("summary").path("noncompliant").asInt());

        Cli.Result markdown = input.drift("--format", "markdown");
        assertTrue(markdown.out().contains("| noncompliant | `Listener/shop/443` | `securityPolicy` = `\"ELBSecurityPolicy-2015-05\"`"),
                markdown::toString);

        input.applied();
        assertEquals(0, input.drift().code(), "apply puts the declared policy back, and drift is quiet again");
    }

    @Test
    void aCustomPolicyOrNoneAtAllIsNoncompliantWhenTheListDoesNotNameCustom() throws IOException {
        input.write("settings.yaml", SETTINGS.replace(", custom]", "]"));
        input.write("shop.yaml", SHOP.substring(0, SHOP.indexOf("    - protocol: SSL")) + SHOP.substring(SHOP.indexOf("    - {protocol: HTTP"),
                SHOP.indexOf("---\napiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata: {name: partner}")));
        input.applied();
        otherWriter.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("hand-made")
                .policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Protocol-TLSv1"), attribute("Protocol-TLSv1.2"), attribute("AES128-SHA")));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(443).policyNames("hand-made"));

        JsonNode json = new ObjectMapper().readTree(input.drift("--format", "json").out());

        JsonNode difference = noncompliantDifference(json);
        assertEquals("custom", difference.path("before").path("securityPolicy").asText());
        assertEquals("hand-made", difference.path("before").path("sslPolicy").asText());

        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(443).policyNames(List.of()));
        JsonNode none = noncompliantDifference(new ObjectMapper().readTree(input.drift("--format", "json").out()));
        assertEquals(0, none.path("before").size(), "no SSL policy reported: nothing to name, still noncompliant");
        assertTrue(none.path("detail").asText().startsWith("AWS reports no SSL negotiation policy"), none::toString);
    }

    /** Within what drift observes: with --stack, the stack's undeclared load balancers; never another stack's. */
    @Test
    void anUnmanagedLoadBalancerOfTheStackIsJudgedAndOneOutsideItIsNot() throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("shop.yaml", SHOP);
        input.applied();
        for (String name : List.of("leftover", "elsewhere")) {
            otherWriter.createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones("us-east-1a")
                    .listeners(Listener.builder().protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP")
                            .instancePort(8080).sslCertificateId(CERT).build())
                    .tags(Tag.builder().key("elb-reconcile:stack").value(name.equals("leftover") ? "prod" : "other").build()));
        }

        JsonNode json = new ObjectMapper().readTree(input.drift("--format", "json", "--stack", "prod").out());

        assertEquals(java.util.Set.of(), DRIFT_SCHEMA.validate(json), json::toPrettyString);
        JsonNode difference = noncompliantDifference(json);
        assertEquals("Listener/leftover/443", difference.path("address").asText());
        assertEquals("ELBSecurityPolicy-2016-08", difference.path("before").path("securityPolicy").asText(),
                "AWS's default on a listener created without a policy");
        assertTrue(difference.path("source").isMissingNode(), "Git declares nothing there: " + difference);
    }

    /** A load balancer another stack owns, which this input only attaches a cookie policy to, is its owner's to judge; --target narrows. */
    @Test
    void anAttachedToLoadBalancerIsNotJudgedAndTargetNarrows() throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("shop.yaml", SHOP);
        input.write("attach.yaml", """
                apiVersion: elb-reconcile/v1
                kind: LBCookieStickinessPolicy
                metadata: {name: sticky}
                spec: {loadBalancer: legacy, cookieExpirationPeriod: 60, listenerPorts: [443]}
                """);
        otherWriter.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a")
                .listeners(Listener.builder().protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP")
                        .instancePort(8080).sslCertificateId(CERT).build()));
        input.applied();
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(8443)
                .policyNames("ELBSecurityPolicy-2016-08"));

        JsonNode json = new ObjectMapper().readTree(input.drift("--format", "json").out());
        assertEquals("Listener/shop/8443", noncompliantDifference(json).path("address").asText(),
                "legacy runs ELBSecurityPolicy-2016-08 too, but belongs to another stack: " + json.toPrettyString());
        assertEquals("ELBSecurityPolicy-2016-08", noncompliantDifference(json).path("before").path("securityPolicy").asText());

        Cli.Result narrowed = input.drift("--target", "Listener/shop/443");
        assertEquals(0, narrowed.code(), "only listener 443 compared, and it is compliant: " + narrowed);
    }

    private static PolicyAttribute attribute(String name) {
        return PolicyAttribute.builder().attributeName(name).attributeValue("true").build();
    }

    /** Drift's differences of kind noncompliant, in the order it reports them. */
    static List<JsonNode> noncompliant(JsonNode json) {
        List<JsonNode> found = new java.util.ArrayList<>();
        json.path("differences").forEach(d -> {
            if (d.path("kind").asText().equals("noncompliant")) {
                found.add(d);
            }
        });
        return found;
    }

    /** The one noncompliant difference drift reports. */
    static JsonNode noncompliantDifference(JsonNode json) {
        List<JsonNode> found = noncompliant(json);
        assertEquals(1, found.size(), json::toPrettyString);
        return found.get(0);
    }


    private static JsonNode readJson(Path path) {
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
