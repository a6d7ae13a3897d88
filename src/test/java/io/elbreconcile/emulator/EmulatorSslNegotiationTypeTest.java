package io.elbreconcile.emulator;

import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeTypeDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSLNegotiationPolicyType in the emulator, through the SDK, against the reconciler's vocabulary
 * (model.SecurityPolicies): the two sides keep their own copy of AWS's names on purpose, so here
 * they must agree. Both come from the user guide page elb-ssl-security-policy (protocols and the
 * cipher list "available for use in a custom policy"); the deprecated SSL 2.0 is only the
 * reconciler's, which must read back a policy that still has it but which no new policy may enable.
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorSslNegotiationTypeTest {
    private static final String TYPE = "SSLNegotiationPolicyType";

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    EmulatorSslNegotiationTypeTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instancePort(8080)));
    }

    @AfterEach
    void close() {
        elb.close();
    }

    /** Every Boolean attribute the reconciler may send: each protocol AWS still takes, the cipher order, each cipher. */
    private static List<String> creatableBooleanNames() {
        List<String> names = new ArrayList<>();
        SecurityPolicies.PROTOCOLS.stream().filter(p -> !p.equals("SSLv2")).forEach(p -> names.add("Protocol-" + p));
        names.add("Server-Defined-Cipher-Order");
        names.addAll(SecurityPolicies.CIPHERS);
        return names;
    }

    @Test
    void theTypeListsEveryProtocolAndCipherOfTheReconcilersVocabularyAsOptionalBooleans() {
        List<PolicyAttributeTypeDescription> attributes = elb.describeLoadBalancerPolicyTypes(r -> r.policyTypeNames(TYPE))
                .policyTypeDescriptions().get(0).policyAttributeTypeDescriptions();

        Map<String, String> typeOf = attributes.stream().collect(Collectors.toMap(
                PolicyAttributeTypeDescription::attributeName, a -> a.attributeType() + "/" + a.cardinality()));
        List<String> booleans = attributes.stream().filter(a -> a.attributeType().equals("Boolean"))
                .map(PolicyAttributeTypeDescription::attributeName).sorted().toList();
        assertEquals(creatableBooleanNames().stream().sorted().toList(), booleans);
        assertEquals(4 + 1 + 88 + 1, attributes.size(), "4 protocols, the cipher order, 88 ciphers, the reference");
        assertEquals("String/ZERO_OR_ONE", typeOf.get("Reference-Security-Policy"));
        assertTrue(typeOf.entrySet().stream().filter(e -> !e.getKey().equals("Reference-Security-Policy"))
                .allMatch(e -> e.getValue().equals("Boolean/ZERO_OR_ONE")), typeOf::toString);
    }

    @Test
    void aPolicyMayEnableEveryOneOfThemAndIsDescribedWithThem() {
        List<PolicyAttribute> all = creatableBooleanNames().stream()
                .map(n -> PolicyAttribute.builder().attributeName(n).attributeValue("true").build()).toList();

        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("everything").policyTypeName(TYPE).policyAttributes(all));

        List<String> described = elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("web").policyNames("everything"))
                .policyDescriptions().get(0).policyAttributeDescriptions().stream()
                .filter(a -> a.attributeValue().equals("true")).map(PolicyAttributeDescription::attributeName).sorted().toList();
        assertEquals(creatableBooleanNames().stream().sorted().toList(), described);
    }

    /** AWS describes a predefined policy with every attribute of the type, false where it does not enable it. */
    @Test
    void aPredefinedPolicyReportsEveryAttributeOfTheType() {
        Map<String, String> values = elb.describeLoadBalancerPolicies(r -> r.policyNames("ELBSecurityPolicy-2016-08"))
                .policyDescriptions().get(0).policyAttributeDescriptions().stream()
                .collect(Collectors.toMap(PolicyAttributeDescription::attributeName, PolicyAttributeDescription::attributeValue));

        assertEquals(creatableBooleanNames().stream().sorted().toList(), values.keySet().stream().sorted().toList());
        assertEquals("false", values.get("Protocol-SSLv3"));
        assertEquals("false", values.get("RC4-SHA"));
        assertEquals("true", values.get("ECDHE-RSA-AES128-GCM-SHA256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Protocol-SSLv2", "kEDH+AESGCM", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA265", "Protocol-TLSv1.3"})
    void aNameOutsideTheTypeIsRefusedAndNothingIsCreated(String name) {
        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> elb.createLoadBalancerPolicy(r -> r
                .loadBalancerName("web").policyName("odd").policyTypeName(TYPE)
                .policyAttributes(PolicyAttribute.builder().attributeName(name).attributeValue("true").build())));

        assertEquals("InvalidConfigurationRequest", refused.awsErrorDetails().errorCode());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.awsErrorDetails().errorMessage().contains(name), refused.awsErrorDetails().errorMessage());
        assertEquals(List.of(), elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("web")).policyDescriptions().stream()
                .filter(p -> p.policyName().equals("odd")).toList());
    }
}
