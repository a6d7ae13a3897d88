package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeDescription;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An HTTPS or SSL listener created without a security policy gets AWS's default one (user guide,
 * ssl-config-update), which is why replacing a listener's policy list must send it back (fact 2).
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorSecurityPolicyTest {
    private static final String CERT = "arn:aws:iam::123456789012:server-certificate/web";
    private static final String DEFAULT = "ELBSecurityPolicy-2016-08";

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    EmulatorSecurityPolicyTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a").listeners(
                listener("HTTP", 80, "HTTP", null), listener("HTTPS", 443, "HTTP", CERT)));
    }

    @AfterEach
    void close() {
        elb.close();
    }

    @Test
    void aSecureListenerCreatedWithoutAPolicyEnablesTheDefaultOne() {
        LoadBalancerDescription lb = describe();
        assertEquals(List.of(DEFAULT), policiesOf(lb, 443));
        assertEquals(List.of(), policiesOf(lb, 80), "plain listeners get none");
        assertEquals(List.of(DEFAULT), lb.policies().otherPolicies());
        assertEquals("SSLNegotiationPolicyType", elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("web").policyNames(DEFAULT))
                .policyDescriptions().get(0).policyTypeName());

        elb.createLoadBalancerListeners(r -> r.loadBalancerName("web").listeners(listener("SSL", 8443, "TCP", CERT)));
        assertEquals(List.of(DEFAULT), policiesOf(describe(), 8443), "a listener added later too");
        assertEquals(List.of(DEFAULT), describe().policies().otherPolicies(), "the policy exists once");
    }

    @Test
    void theDefaultCopyIsDescribedAsMadeFromItsReferenceFirst() {
        List<PolicyAttributeDescription> attributes = elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("web")
                .policyNames(DEFAULT)).policyDescriptions().get(0).policyAttributeDescriptions();
        assertEquals("Reference-Security-Policy", attributes.get(0).attributeName());
        assertEquals(DEFAULT, attributes.get(0).attributeValue());
        assertEquals(List.of("Protocol-TLSv1", "Protocol-TLSv1.1", "Protocol-TLSv1.2"), attributes.stream()
                .filter(a -> a.attributeName().startsWith("Protocol-") && a.attributeValue().equals("true"))
                .map(PolicyAttributeDescription::attributeName).toList(), "then the predefined policy's flags");
        assertEquals(1, attributes.stream().filter(a -> a.attributeName().equals("Reference-Security-Policy")).count());

        List<PolicyAttributeDescription> sample = elb.describeLoadBalancerPolicies(r -> r.policyNames(DEFAULT))
                .policyDescriptions().get(0).policyAttributeDescriptions();
        assertEquals(attributes.subList(1, attributes.size()), sample, "the sample policy itself carries no reference");
    }

    @Test
    void aPolicyMadeFromAReferenceIsDescribedWithTheReferenceFirst() {
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("tls").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("Reference-Security-Policy")
                        .attributeValue("ELBSecurityPolicy-TLS-1-2-2017-01").build()));
        List<PolicyAttributeDescription> attributes = elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("web")
                .policyNames("tls")).policyDescriptions().get(0).policyAttributeDescriptions();
        assertEquals("Reference-Security-Policy", attributes.get(0).attributeName());
        assertEquals("ELBSecurityPolicy-TLS-1-2-2017-01", attributes.get(0).attributeValue());
        assertEquals(List.of("Protocol-TLSv1.2"), attributes.stream()
                .filter(a -> a.attributeName().startsWith("Protocol-") && a.attributeValue().equals("true"))
                .map(PolicyAttributeDescription::attributeName).toList());
    }

    @Test
    void theDefaultPolicyIsAnOrdinaryPolicyOnceThere() {
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("sticky").cookieExpirationPeriod(60L));
        // The list is replaced as a whole: sending only the cookie policy drops the security policy.
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(443).policyNames("sticky"));
        assertEquals(List.of("sticky"), policiesOf(describe(), 443));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(443).policyNames(DEFAULT, "sticky"));
        AwsServiceException inUse = assertThrows(AwsServiceException.class,
                () -> elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName(DEFAULT)));
        assertEquals("InvalidConfigurationRequest", inUse.awsErrorDetails().errorCode());
        assertEquals(409, inUse.statusCode());
    }

    private LoadBalancerDescription describe() {
        return elb.describeLoadBalancers(r -> r.loadBalancerNames("web")).loadBalancerDescriptions().get(0);
    }

    private static List<String> policiesOf(LoadBalancerDescription lb, int port) {
        return lb.listenerDescriptions().stream().filter(d -> d.listener().loadBalancerPort() == port)
                .map(ListenerDescription::policyNames).findFirst().orElseThrow();
    }

    private static Listener listener(String protocol, int port, String instanceProtocol, String certificate) {
        return Listener.builder().protocol(protocol).loadBalancerPort(port).instanceProtocol(instanceProtocol)
                .instancePort(port == 443 || port == 80 ? 8080 : port).sslCertificateId(certificate).build();
    }
}
