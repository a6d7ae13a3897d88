package io.elbreconcile.it.coexist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.InputDir;
import io.elbreconcile.model.PredefinedSecurityPolicies;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.elbreconcile.testing.PolicyAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under an allow list, a policy on a listener that carries one of AWS's names is checked against
 * what that name stands for, not taken on trust: anyone may create a policy called
 * ELBSecurityPolicy-TLS-1-2-2017-01 that enables TLS 1.0. Costs one DescribeLoadBalancerPolicies
 * per load balancer with such a listener, none when observation already described its policies,
 * none without an allow list, none for plan.
 */
@ExtendWith(EmulatorExtension.class)
class SslAllowListAwsNamesTest {

    private static final String CERT = SslAllowListTest.CERT;
    private static final String DESCRIBE = "DescribeLoadBalancerPolicies";

    /** A load balancer on AWS's default policy only: no policy of its own, so observation describes none. */
    private static final String PLAIN = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: plain}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTPS, loadBalancerPort: 443, instanceProtocol: HTTP, instancePort: 8080, sslCertificateId: %s}
            """.formatted(CERT);

    private static final String SETTINGS = """
            apiVersion: elb-reconcile/v1
            kind: Settings
            metadata: {name: audit}
            spec:
              allowedSslPolicies: [ELBSecurityPolicy-TLS-1-2-*, ELBSecurityPolicy-2016-08, custom]
            """;

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient otherWriter;

    private InputDir input;

    SslAllowListAwsNamesTest(EmulatorServer emulator) {
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
    void aPolicyUnderAPredefinedNameWithOtherSettingsIsNoncompliantEvenWhereTheListAllowsCustom() throws IOException {
        input.write("settings.yaml", SETTINGS);
        input.write("plain.yaml", PLAIN);
        input.applied();
        createPolicy("plain", "ELBSecurityPolicy-TLS-1-2-2017-01", attribute("Protocol-TLSv1", "true"),
                attribute("ECDHE-RSA-AES128-SHA", "true"));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("plain").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-TLS-1-2-2017-01"));

        long before = describeCalls();
        JsonNode difference = SslAllowListTest.noncompliantDifference(driftJson());

        assertEquals(1, describeCalls() - before, "one DescribeLoadBalancerPolicies for plain, which has no policy of its own");
        assertEquals("Listener/plain/443", difference.path("address").asText());
        assertEquals("ELBSecurityPolicy-TLS-1-2-2017-01", difference.path("before").path("sslPolicy").asText());
        assertEquals("custom", difference.path("before").path("securityPolicy").asText(), "what it amounts to");
        assertTrue(difference.path("detail").asText().startsWith(
                "ELBSecurityPolicy-TLS-1-2-2017-01 carries the name of AWS's predefined policy but not its settings (protocols=[TLSv1]"),
                difference::toString);
    }

    @Test
    void aPolicyUnderAPredefinedNameMadeFromAnotherReferenceIsJudgedByThatReference() throws IOException {
        input.write("settings.yaml", SETTINGS.replace(", custom", ""));
        input.write("plain.yaml", PLAIN);
        input.applied();
        createPolicy("plain", "ELBSecurityPolicy-TLS-1-2-2017-01", attribute("Reference-Security-Policy", "ELBSecurityPolicy-2015-05"));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("plain").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-TLS-1-2-2017-01"));

        JsonNode difference = SslAllowListTest.noncompliantDifference(driftJson());

        assertEquals("ELBSecurityPolicy-2015-05", difference.path("before").path("securityPolicy").asText());
    }

    /** A name AWS does not predefine is not one of its policies, whatever a glob of names would match. */
    @Test
    void aMadeUpAwsLookingNameIsNoncompliant() throws IOException {
        input.write("settings.yaml", SETTINGS.replace(", custom", ""));
        input.write("plain.yaml", PLAIN);
        input.applied();
        createPolicy("plain", "ELBSecurityPolicy-TLS-1-2-mine", attribute("Protocol-TLSv1.2", "true"),
                attribute("ECDHE-RSA-AES128-GCM-SHA256", "true"));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("plain").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-TLS-1-2-mine"));

        JsonNode difference = SslAllowListTest.noncompliantDifference(driftJson());

        assertEquals("ELBSecurityPolicy-TLS-1-2-mine", difference.path("before").path("sslPolicy").asText());
        assertEquals("custom", difference.path("before").path("securityPolicy").asText());
    }

    /** The console's copy (made from the reference of its own name) and an exact copy of the table are what they say. */
    @Test
    void genuineCopiesUnderPredefinedNamesAreCompliant() throws IOException {
        input.write("settings.yaml", SETTINGS.replace(", custom", ""));
        input.write("plain.yaml", PLAIN);
        input.applied();
        assertEquals(0, input.drift().code(), "AWS's default ELBSecurityPolicy-2016-08, as AWS describes it, is allowed");

        createPolicy("plain", "ELBSecurityPolicy-TLS-1-2-2017-01",
                attribute("Reference-Security-Policy", "ELBSecurityPolicy-TLS-1-2-2017-01"));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("plain").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-TLS-1-2-2017-01"));
        assertEquals(List.of(), SslAllowListTest.noncompliant(driftJson()), "made from its own name");

        SslNegotiationPolicy table = PredefinedSecurityPolicies.settingsOf("ELBSecurityPolicy-2015-02").orElseThrow();
        List<PolicyAttribute> exact = new ArrayList<>();
        table.protocols().forEach(p -> exact.add(attribute("Protocol-" + p, "true")));
        table.ciphers().forEach(c -> exact.add(attribute(c, "true")));
        exact.add(attribute("Server-Defined-Cipher-Order", "true"));
        createPolicy("plain", "ELBSecurityPolicy-2015-02", exact.toArray(PolicyAttribute[]::new));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("plain").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-2015-02"));
        JsonNode difference = SslAllowListTest.noncompliantDifference(driftJson());
        assertEquals("ELBSecurityPolicy-2015-02", difference.path("before").path("securityPolicy").asText(),
                "an exact copy is that policy, and the list does not allow it");
        assertTrue(difference.path("detail").asText().contains("does not allow ELBSecurityPolicy-2015-02"), difference::toString);
    }

    /** Observation already described shop's own policies: that answer holds the AWS-named ones too. */
    @Test
    void noExtraCallWhereObservationDescribedThePoliciesAndNoneWithoutAListOrForPlan() throws IOException {
        input.write("shop.yaml", SslAllowListTest.SHOP);
        input.write("plain.yaml", PLAIN);
        input.applied();
        createPolicy("shop", "ELBSecurityPolicy-TLS-1-2-2017-01", attribute("Protocol-TLSv1", "true"),
                attribute("ECDHE-RSA-AES128-SHA", "true"));
        otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-TLS-1-2-2017-01"));

        long before = describeCalls();
        assertEquals(2, input.drift().code());
        assertEquals(1, describeCalls() - before, "without a list: shop's own policies only, plain is not described");

        input.write("settings.yaml", SETTINGS);
        before = describeCalls();
        JsonNode difference = SslAllowListTest.noncompliantDifference(driftJson());
        assertEquals(2, describeCalls() - before, "shop's from observation (it holds the impostor), plain's for the list");
        assertEquals("Listener/shop/443", difference.path("address").asText());

        before = describeCalls();
        Cli.Result plan = Cli.against(emulator, "plan", input.dir().toString());
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(1, describeCalls() - before, "plan does not judge the list: shop's own policies only");
    }

    private long describeCalls() {
        return emulator.callCounts().getOrDefault(DESCRIBE, 0L);
    }

    private void createPolicy(String lb, String name, PolicyAttribute... attributes) {
        otherWriter.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName(name).policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attributes));
    }

    private JsonNode driftJson() throws IOException {
        return new ObjectMapper().readTree(input.drift("--format", "json").out());
    }

}
