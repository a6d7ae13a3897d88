package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancing.model.AdditionalAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every error the reconciler can meet, with its wire code and HTTP status (reference section 4),
 * through the real SDK; each refused call must leave the world as it was (checklist items 1-5).
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorErrorsTest {
    private static final String LB = "my-load-balancer";
    private static final String CERT = "arn:aws:iam::123456789012:server-certificate/test";

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    EmulatorErrorsTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void fixture() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a").listeners(
                listener("HTTP", 80, 8080, null), listener("TCP", 1443, 443, null), listener("HTTPS", 443, 8080, CERT)));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("p").cookieExpirationPeriod(60L));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames("p"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build()));
    }

    @AfterEach
    void closeClient() {
        elb.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                refused("describe a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.describeLoadBalancers(r -> r.loadBalancerNames("nope"))),
                refused("create a policy on a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("nope").policyName("x"))),
                refused("set listener policies on a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("nope").loadBalancerPort(80).policyNames("p"))),
                refused("delete a policy of a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("nope").policyName("p"))),
                refused("describe attributes of a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerName("nope"))),
                refused("describe tags of a missing load balancer", "LoadBalancerNotFound", 400,
                        elb -> elb.describeTags(r -> r.loadBalancerNames(LB, "nope"))),
                refused("load balancer name with an underscore", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("bad_name").availabilityZones("us-east-1a")
                                .listeners(listener("HTTP", 80, 80, null)))),
                refused("load balancer name of 33 characters", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("a".repeat(33)).availabilityZones("us-east-1a")
                                .listeners(listener("HTTP", 80, 80, null)))),
                refused("load balancer name with a leading hyphen", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("-lb").availabilityZones("us-east-1a")
                                .listeners(listener("HTTP", 80, 80, null)))),
                refused("policy name with a dot", "ValidationError", 400,
                        elb -> elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("bad.name"))),
                refused("identical policy created again", "DuplicatePolicyName", 400,
                        elb -> elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("p").cookieExpirationPeriod(60L))),
                refused("policy name reused across types", "DuplicatePolicyName", 400,
                        elb -> elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("p").cookieName("c"))),
                refused("delete an enabled policy", "InvalidConfigurationRequest", 409,
                        elb -> elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("p"))),
                refused("cookie stickiness on a TCP listener", "InvalidConfigurationRequest", 409,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(1443).policyNames("p"))),
                refused("proxy protocol on a listener", "InvalidConfigurationRequest", 409,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames("proxy"))),
                refused("one unknown name among known ones", "PolicyNotFound", 400,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(443).policyNames("p", "missing"))),
                refused("describe an unknown policy", "PolicyNotFound", 400,
                        elb -> elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(LB).policyNames("missing"))),
                refused("policies of a port without listener", "ListenerNotFound", 400,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(81).policyNames("p"))),
                refused("same name, different listeners", "DuplicateLoadBalancerName", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a")
                                .listeners(listener("HTTP", 80, 9090, null)))),
                refused("listener on a taken port with another instance port", "DuplicateListener", 400,
                        elb -> elb.createLoadBalancerListeners(r -> r.loadBalancerName(LB).listeners(listener("HTTP", 80, 9090, null)))),
                refused("a secure and a plain back end on one instance port", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerListeners(r -> r.loadBalancerName(LB).listeners(Listener.builder()
                                .protocol("HTTPS").loadBalancerPort(8443).instanceProtocol("HTTPS").instancePort(8080)
                                .sslCertificateId("arn:aws:iam::123456789012:server-certificate/web").build()))),
                refused("the same conflict within one CreateLoadBalancer", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("mixed").availabilityZones("us-east-1a").listeners(
                                Listener.builder().protocol("TCP").loadBalancerPort(80).instanceProtocol("TCP").instancePort(80).build(),
                                Listener.builder().protocol("SSL").loadBalancerPort(443).instanceProtocol("SSL").instancePort(80)
                                        .sslCertificateId("arn:aws:iam::123456789012:server-certificate/web").build()))),
                refused("101 listeners in one CreateLoadBalancer", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("many").availabilityZones("us-east-1a").listeners(
                                IntStream.rangeClosed(1024, 1124).mapToObj(p -> listener("TCP", p, p, null)).toList()))),
                refused("an access-log bucket name S3 would not accept", "InvalidConfigurationRequest", 409,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a.accessLog(
                                l -> l.enabled(true).s3BucketName("b").emitInterval(60))))),
                refused("an attribute ELB does not have", "LoadBalancerAttributeNotFound", 400,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).overrideConfiguration(c -> c.putRawQueryParameter(
                                "LoadBalancerAttributes.StickyEverything.Enabled", "true")).loadBalancerAttributes(a -> a.crossZoneLoadBalancing(z -> z.enabled(true))))),
                refused("unsupported listener protocol", "UnsupportedProtocol", 400,
                        elb -> elb.createLoadBalancerListeners(r -> r.loadBalancerName(LB).listeners(listener("UDP", 53, 53, null)))),
                refused("certificate that is not an ARN", "CertificateNotFound", 400,
                        elb -> elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName(LB).loadBalancerPort(443)
                                .sslCertificateId("not-an-arn"))),
                refused("the same tag key twice", "DuplicateTagKeys", 400,
                        elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(tag("k", "1"), tag("k", "2")))),
                refused("51 tags", "TooManyTags", 400,
                        elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(IntStream.range(0, 51).mapToObj(i -> tag("k" + i, "v")).toList()))),
                refused("a tag key outside the model's pattern", "ValidationError", 400,
                        elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(tag("team#1", "web")))),
                refused("a tag value outside the model's pattern", "ValidationError", 400,
                        elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(tag("team", "<web>")))),
                refused("a policy attribute its type does not have", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy2").policyTypeName("ProxyProtocolPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocoll").attributeValue("true").build()))),
                refused("a policy without its required attribute", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy2").policyTypeName("ProxyProtocolPolicyType"))),
                refused("a single-valued policy attribute twice", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy2").policyTypeName("ProxyProtocolPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build(),
                                        PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("false").build()))),
                refused("a Boolean policy attribute that is no Boolean", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy2").policyTypeName("ProxyProtocolPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("maybe").build()))),
                refused("an SSL protocol flag that is no Boolean", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("tls2").policyTypeName("SSLNegotiationPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("Protocol-TLSv1.2").attributeValue("yes").build()))),
                refused("a cipher outside the catalogue that is no Boolean", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("tls2").policyTypeName("SSLNegotiationPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("RC4-SHA").attributeValue("1").build()))),
                refused("a Long policy attribute that is no number", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("c2").policyTypeName("LBCookieStickinessPolicyType")
                                .policyAttributes(PolicyAttribute.builder().attributeName("CookieExpirationPeriod").attributeValue("soon").build()))),
                refused("unknown policy type", "PolicyTypeNotFound", 400,
                        elb -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("x").policyTypeName("NopePolicyType"))),
                refused("describe an unknown policy type", "PolicyTypeNotFound", 400,
                        elb -> elb.describeLoadBalancerPolicyTypes(r -> r.policyTypeNames("NopePolicyType"))),
                refused("page size 401", "ValidationError", 400,
                        elb -> elb.describeLoadBalancers(r -> r.pageSize(401))),
                refused("21 names to DescribeTags", "ValidationError", 400,
                        elb -> elb.describeTags(r -> r.loadBalancerNames(IntStream.range(0, 21).mapToObj(i -> "lb" + i).toList()))),
                refused("malformed instance id", "InvalidInstance", 400,
                        elb -> elb.registerInstancesWithLoadBalancer(r -> r.loadBalancerName(LB).instances(Instance.builder().instanceId("bogus").build()))),
                refused("unknown subnet", "SubnetNotFound", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("vpc").subnets("bogus").listeners(listener("HTTP", 80, 80, null)))),
                refused("unknown security group", "InvalidSecurityGroup", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("vpc").subnets("subnet-0abc").securityGroups("bogus")
                                .listeners(listener("HTTP", 80, 80, null)))),
                refused("unknown additional attribute", "LoadBalancerAttributeNotFound", 400,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a
                                .additionalAttributes(AdditionalAttribute.builder().key("elb.nope").value("1").build())))),
                refused("a certificate on a TCP listener (refused, never dropped)", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancerListeners(r -> r.loadBalancerName(LB).listeners(listener("TCP", 8443, 443, CERT)))),
                refused("a certificate on an HTTP listener at creation", "InvalidConfigurationRequest", 409,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("plain").availabilityZones("us-east-1a")
                                .listeners(listener("HTTP", 80, 80, CERT)))),
                refused("health check timeout not below interval", "ValidationError", 400,
                        elb -> elb.configureHealthCheck(r -> r.loadBalancerName(LB).healthCheck(h -> h.target("TCP:80")
                                .interval(5).timeout(5).healthyThreshold(2).unhealthyThreshold(2)))),
                // ---- ranges and shapes of reference 6.4, and the rest of section 5's error lists
                refused("health check interval above 300", "ValidationError", 400,
                        elb -> elb.configureHealthCheck(r -> r.loadBalancerName(LB).healthCheck(h -> h.target("TCP:80")
                                .interval(301).timeout(5).healthyThreshold(2).unhealthyThreshold(2)))),
                refused("health check threshold above 10", "ValidationError", 400,
                        elb -> elb.configureHealthCheck(r -> r.loadBalancerName(LB).healthCheck(h -> h.target("TCP:80")
                                .interval(30).timeout(5).healthyThreshold(11).unhealthyThreshold(2)))),
                refused("health check target without a port", "ValidationError", 400,
                        elb -> elb.configureHealthCheck(r -> r.loadBalancerName(LB).healthCheck(h -> h.target("HTTP/health")
                                .interval(30).timeout(5).healthyThreshold(2).unhealthyThreshold(2)))),
                refused("idle timeout above 3600", "ValidationError", 400,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a
                                .connectionSettings(c -> c.idleTimeout(3601))))),
                refused("draining timeout of 0", "ValidationError", 400,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a
                                .connectionDraining(d -> d.enabled(true).timeout(0))))),
                refused("access-log interval other than 5 or 60", "InvalidConfigurationRequest", 409,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a
                                .accessLog(l -> l.enabled(true).s3BucketName("my-logs").emitInterval(30))))),
                refused("access log enabled without a bucket", "InvalidConfigurationRequest", 409,
                        elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB).loadBalancerAttributes(a -> a
                                .accessLog(l -> l.enabled(true))))),
                refused("21 names to DescribeLoadBalancers", "ValidationError", 400,
                        elb -> elb.describeLoadBalancers(r -> r.loadBalancerNames(IntStream.range(0, 21).mapToObj(i -> "lb" + i).toList()))),
                refused("certificate of a port without listener", "ListenerNotFound", 400,
                        elb -> elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName(LB).loadBalancerPort(8443).sslCertificateId(CERT))),
                refused("certificate of a plain HTTP listener", "InvalidConfigurationRequest", 409,
                        elb -> elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName(LB).loadBalancerPort(80).sslCertificateId(CERT))),
                refused("an SSL negotiation policy on an HTTP listener", "InvalidConfigurationRequest", 409,
                        elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80)
                                .policyNames("ELBSecurityPolicy-2016-08"))),
                refused("health of an instance that is not registered", "InvalidInstance", 400,
                        elb -> elb.describeInstanceHealth(r -> r.loadBalancerName(LB).instances(Instance.builder().instanceId("i-0123456789abcdef0").build()))),
                refused("describe an unknown sample policy", "PolicyNotFound", 400,
                        elb -> elb.describeLoadBalancerPolicies(r -> r.policyNames("ELBSample-Nope"))),
                refused("an app cookie policy with an invalid name", "ValidationError", 400,
                        elb -> elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("bad_name").cookieName("C"))),
                refused("both zones and subnets", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("both").availabilityZones("us-east-1a").subnets("subnet-0abc")
                                .listeners(listener("HTTP", 80, 80, null)))),
                refused("neither zones nor subnets", "ValidationError", 400,
                        elb -> elb.createLoadBalancer(r -> r.loadBalancerName("neither").listeners(listener("HTTP", 80, 80, null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedCallAnswersItsCodeAndStatusAndChangesNothing(String description, String code, int status,
                                                              Consumer<ElasticLoadBalancingClient> call) {
        String before = snapshot();
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> call.accept(elb));
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(snapshot(), before, "a refused call changed the world");
    }

    @org.junit.jupiter.api.Test
    void aBadAttributeValueIsNamedWithItsAttributeAndType() {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB)
                .policyName("proxy2").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("maybe").build())));

        assertEquals("Invalid value for attribute ProxyProtocol of ProxyProtocolPolicyType: 'maybe' is not a Boolean",
                e.awsErrorDetails().errorMessage());
    }

    /** Reference 6.7: everything but the policy creations may be repeated, and the second call changes nothing. */
    static Stream<Arguments> repeatable() {
        return Stream.of(
                repeated("CreateLoadBalancer with the same configuration", elb -> elb.createLoadBalancer(r -> r.loadBalancerName(LB)
                        .availabilityZones("us-east-1a").listeners(listener("HTTP", 80, 8080, null), listener("TCP", 1443, 443, null),
                                listener("HTTPS", 443, 8080, CERT)))),
                repeated("CreateLoadBalancerListeners with an identical listener",
                        elb -> elb.createLoadBalancerListeners(r -> r.loadBalancerName(LB).listeners(listener("HTTP", 80, 8080, null)))),
                repeated("DeleteLoadBalancer of one already gone", elb -> elb.deleteLoadBalancer(r -> r.loadBalancerName("gone"))),
                repeated("SetLoadBalancerPoliciesOfListener", elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB)
                        .loadBalancerPort(80).policyNames("p"))),
                repeated("SetLoadBalancerPoliciesForBackendServer", elb -> elb.setLoadBalancerPoliciesForBackendServer(r -> r
                        .loadBalancerName(LB).instancePort(8080).policyNames("proxy"))),
                repeated("ConfigureHealthCheck", elb -> elb.configureHealthCheck(r -> r.loadBalancerName(LB).healthCheck(h -> h
                        .target("HTTP:8080/health").interval(10).timeout(5).healthyThreshold(3).unhealthyThreshold(2)))),
                repeated("ModifyLoadBalancerAttributes", elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB)
                        .loadBalancerAttributes(a -> a.crossZoneLoadBalancing(c -> c.enabled(true))))),
                repeated("SetLoadBalancerListenerSSLCertificate", elb -> elb.setLoadBalancerListenerSSLCertificate(r -> r
                        .loadBalancerName(LB).loadBalancerPort(443).sslCertificateId(CERT))),
                repeated("AddTags", elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(tag("team", "web")))),
                repeated("RemoveTags of a key not there", elb -> elb.removeTags(r -> r.loadBalancerNames(LB)
                        .tags(t -> t.key("absent")))),
                repeated("DeleteLoadBalancerListeners of a port without listener", elb -> elb.deleteLoadBalancerListeners(r -> r
                        .loadBalancerName(LB).loadBalancerPorts(9999))),
                repeated("DeleteLoadBalancerPolicy of an unknown name", elb -> elb.deleteLoadBalancerPolicy(r -> r
                        .loadBalancerName(LB).policyName("never-was"))),
                repeated("RegisterInstancesWithLoadBalancer", elb -> elb.registerInstancesWithLoadBalancer(r -> r
                        .loadBalancerName(LB).instances(Instance.builder().instanceId("i-0123456789abcdef0").build()))),
                repeated("EnableAvailabilityZonesForLoadBalancer", elb -> elb.enableAvailabilityZonesForLoadBalancer(r -> r
                        .loadBalancerName(LB).availabilityZones("us-east-1b"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatable")
    void aRepeatedCallSucceedsAndChangesNothingMore(String description, Consumer<ElasticLoadBalancingClient> call) {
        call.accept(elb);
        String once = snapshot();
        call.accept(elb);
        assertEquals(once, snapshot(), "the second call changed the world");
    }

    private static Arguments repeated(String description, Consumer<ElasticLoadBalancingClient> call) {
        return Arguments.of(description, call);
    }

    private String snapshot() {
        return elb.describeLoadBalancers().loadBalancerDescriptions().stream()
                .map(d -> d.toBuilder().build().toString()).toList()
                + elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(LB)).policyDescriptions().toString()
                + elb.describeTags(r -> r.loadBalancerNames(LB)).tagDescriptions()
                + elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(LB)).loadBalancerAttributes();
    }

    private static Arguments refused(String description, String code, int status, Consumer<ElasticLoadBalancingClient> call) {
        return Arguments.of(description, code, status, call);
    }

    private static Listener listener(String protocol, int port, int instancePort, String certificate) {
        return Listener.builder().protocol(protocol).loadBalancerPort(port).instancePort(instancePort)
                .sslCertificateId(certificate).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
