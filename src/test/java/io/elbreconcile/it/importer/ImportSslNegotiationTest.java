package io.elbreconcile.it.importer;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.ImportRoundTrip;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Path;

import static io.elbreconcile.it.importer.ImportCommandTest.ACM_CERT;
import static io.elbreconcile.testing.PolicyAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import writes SSL negotiation policies as documents and listeners' sslPolicy; plan on it is empty. */
@ExtendWith(EmulatorExtension.class)
class ImportSslNegotiationTest {

    @TempDir
    Path dir;

    @Test
    void bothFormsAndAwsDefaultRoundTripToAnEmptyPlan(EmulatorServer emulator) throws IOException {
        ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("shop").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT),
                l -> l.protocol("SSL").loadBalancerPort(8443).instanceProtocol("TCP").instancePort(9090).sslCertificateId(ACM_CERT),
                l -> l.protocol("HTTPS").loadBalancerPort(9443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("modern").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Reference-Security-Policy", "ELBSecurityPolicy-TLS-1-2-2017-01")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("custom").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Protocol-TLSv1.2", "true"), attribute("Protocol-TLSv1", "false"),
                        attribute("Server-Defined-Cipher-Order", "true"), attribute("ECDHE-RSA-AES256-GCM-SHA384", "true"),
                        attribute("AES128-SHA", "false")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("spare-tls").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Reference-Security-Policy", "ELBSecurityPolicy-2016-08")));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("shop").policyName("sticky").cookieExpirationPeriod(30L));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(443).policyNames("modern", "sticky"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("shop").loadBalancerPort(8443).policyNames("custom"));
        Path out = dir.resolve("imported");

        String yaml = ImportRoundTrip.importAll(emulator, out, "shop.yaml");

        assertTrue(yaml.contains("sslPolicy: modern"), yaml);
        assertTrue(yaml.contains("sslPolicy: custom"), yaml);
        assertTrue(yaml.contains("reference: ELBSecurityPolicy-TLS-1-2-2017-01"), yaml);
        assertTrue(yaml.contains("protocols: [TLSv1.2]"), yaml);
        assertTrue(yaml.contains("ciphers: [ECDHE-RSA-AES256-GCM-SHA384]"), yaml);
        assertTrue(yaml.contains("name: spare-tls"), "enabled nowhere, still imported (else an orphan): " + yaml);
        assertFalse(yaml.contains("kind: SSLNegotiationPolicy\nmetadata:\n  name: ELBSecurityPolicy"), "AWS's own policy is no document: " + yaml);
        ImportRoundTrip.assertValidAndUnchanged(emulator, out, yaml);
    }

    /**
     * A live policy may enable what AWS's table of predefined policies never lists: SSL 3.0, and
     * ciphers only a custom policy can have (DHE-RSA-AES256-SHA256, as Terraform's own acceptance
     * tests use; RC4-SHA; an export cipher). Import writes them and reads them back unchanged.
     */
    @Test
    void aPolicyWithSsl3AndCiphersOutsideThePredefinedTableRoundTripsToAnEmptyPlan(EmulatorServer emulator) throws IOException {
        ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("legacy").policyName("old-clients").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Protocol-SSLv3", "true"), attribute("Protocol-TLSv1", "true"),
                        attribute("Server-Defined-Cipher-Order", "false"), attribute("DHE-RSA-AES256-SHA256", "true"),
                        attribute("RC4-SHA", "true"), attribute("EXP-RC4-MD5", "true"), attribute("AES128-SHA", "false")));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("legacy").loadBalancerPort(443).policyNames("old-clients"));
        Path out = dir.resolve("imported");

        String yaml = ImportRoundTrip.importAll(emulator, out, "legacy.yaml");

        assertTrue(yaml.contains("sslPolicy: old-clients"), yaml);
        assertTrue(yaml.contains("protocols: [SSLv3, TLSv1]"), yaml);
        assertTrue(yaml.contains("ciphers: [DHE-RSA-AES256-SHA256, EXP-RC4-MD5, RC4-SHA]"), yaml);
        assertTrue(yaml.contains("serverOrderPreference: false"), yaml);
        ImportRoundTrip.assertValidAndUnchanged(emulator, out, yaml);
    }

    /**
     * CreateLoadBalancerPolicy of SSLNegotiationPolicyType takes any subset of its attributes, so AWS
     * can hold a policy that enables no protocol and no cipher (all false, or none given, as
     * Terraform's aws_load_balancer_policy allows). Import writes it faithfully and plan accepts it.
     */
    @Test
    void aPolicyEnablingNothingRoundTripsToAnEmptyPlan(EmulatorServer emulator) throws IOException {
        ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("bare").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("bare").policyName("nothing-on").policyTypeName("SSLNegotiationPolicyType"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("bare").policyName("all-off").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(attribute("Protocol-TLSv1.2", "false"), attribute("AES128-SHA", "false")));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("bare").loadBalancerPort(443).policyNames("nothing-on"));
        Path out = dir.resolve("imported");

        String yaml = ImportRoundTrip.importAll(emulator, out, "bare.yaml");

        assertTrue(yaml.contains("sslPolicy: nothing-on"), yaml);
        assertTrue(yaml.contains("name: all-off"), "unused, still a document (else an orphan): " + yaml);
        assertTrue(yaml.contains("protocols: []"), yaml);
        assertTrue(yaml.contains("ciphers: []"), yaml);
        assertTrue(yaml.contains("# enables no protocol and no cipher: a listener using it completes no TLS handshake"), yaml);
        assertTrue(yaml.contains("# AWS's own predefined SSL policies, kept: ELBSecurityPolicy-2016-08"), yaml);
        assertFalse(yaml.contains("of other types"), "ELBSecurityPolicy-2016-08 is an SSL policy, not another type: " + yaml);
        ImportRoundTrip.assertValidAndUnchanged(emulator, out, yaml);
    }
}
