package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.EmulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import software.amazon.awssdk.regions.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The happy paths, driven through the real AWS SDK v2 over loopback HTTP. */
@ExtendWith(EmulatorExtension.class)
@EmulatorOptions(loadBalancerQuota = 1_000, healthTimeScale = 1)
class EmulatorSeedFlowTest {

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    EmulatorSeedFlowTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
    }

    @AfterEach
    void closeClient() {
        elb.close();
    }

    static String createSeedLoadBalancer(ElasticLoadBalancingClient elb) {
        return elb.createLoadBalancer(r -> r.loadBalancerName("my-load-balancer")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080).build())
                .availabilityZones("us-east-1a")).dnsName();
    }

    @Test
    void seedFlowEnablesADurationCookieOnPort80() {
        String dns = createSeedLoadBalancer(elb);
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer")
                .policyName("my-duration-cookie-policy").cookieExpirationPeriod(60L));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("my-load-balancer").loadBalancerPort(80)
                .policyNames("my-duration-cookie-policy"));

        LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
        assertEquals("my-load-balancer", lb.loadBalancerName());
        assertEquals(dns, lb.dnsName());
        assertTrue(dns.startsWith("my-load-balancer-") && dns.endsWith(".us-east-1.elb.amazonaws.com"), dns);
        ListenerDescription listener = lb.listenerDescriptions().get(0);
        assertEquals("HTTP", listener.listener().protocol());
        assertEquals(80, listener.listener().loadBalancerPort());
        assertEquals(8080, listener.listener().instancePort());
        assertEquals(List.of("my-duration-cookie-policy"), listener.policyNames());
        assertEquals("my-duration-cookie-policy", lb.policies().lbCookieStickinessPolicies().get(0).policyName());
        assertEquals(60L, lb.policies().lbCookieStickinessPolicies().get(0).cookieExpirationPeriod());
        assertTrue(lb.policies().appCookieStickinessPolicies().isEmpty());
        assertTrue(lb.policies().otherPolicies().isEmpty());
        assertEquals("TCP:80", lb.healthCheck().target());
        assertEquals(30, lb.healthCheck().interval());
        assertEquals(10, lb.healthCheck().healthyThreshold());
        assertEquals("internet-facing", lb.scheme());
        assertEquals(List.of("us-east-1a"), lb.availabilityZones());
        // Zones only: the default VPC of the account and region, as AWS has done since EC2-Classic.
        assertTrue(lb.vpcId().matches("vpc-[0-9a-f]{8}"), lb.vpcId());
        assertEquals(1, lb.subnets().size());
        assertEquals(1, lb.securityGroups().size());
        assertTrue(lb.createdTime() != null);
        assertEquals("123456789012", lb.sourceSecurityGroup().ownerAlias());
        assertEquals("default", lb.sourceSecurityGroup().groupName());
    }

    @Test
    void describePoliciesReportsTypeNamesAndStringAttributes() {
        createSeedLoadBalancer(elb);
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("lb-60").cookieExpirationPeriod(60L));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("lb-session"));
        elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("app").cookieName("JSESSIONID"));

        List<PolicyDescription> policies = elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("my-load-balancer"))
                .policyDescriptions();
        assertEquals(List.of("lb-60", "lb-session", "app"), policies.stream().map(PolicyDescription::policyName).toList());
        assertEquals("LBCookieStickinessPolicyType", policies.get(0).policyTypeName());
        assertEquals(Map.of("CookieExpirationPeriod", "60"), attributes(policies.get(0)));
        assertEquals(Map.of(), attributes(policies.get(1)));
        assertEquals("AppCookieStickinessPolicyType", policies.get(2).policyTypeName());
        assertEquals(Map.of("CookieName", "JSESSIONID"), attributes(policies.get(2)));

        LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
        // A session cookie policy carries no period in DescribeLoadBalancers.
        assertNull(lb.policies().lbCookieStickinessPolicies().get(1).cookieExpirationPeriod());
        assertEquals("JSESSIONID", lb.policies().appCookieStickinessPolicies().get(0).cookieName());
    }

    @Test
    void emptyPolicyListClearsTheListener() {
        createSeedLoadBalancer(elb);
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("p").cookieExpirationPeriod(60L));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("my-load-balancer").loadBalancerPort(80).policyNames("p"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("my-load-balancer").loadBalancerPort(80).policyNames(List.of()));

        LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
        assertTrue(lb.listenerDescriptions().get(0).policyNames().isEmpty());
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("p"));
        assertTrue(elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("my-load-balancer")).policyDescriptions().isEmpty());
    }

    @Test
    void identicalCreateIsIdempotentAndDeleteOfMissingSucceeds() {
        String first = createSeedLoadBalancer(elb);
        assertEquals(first, createSeedLoadBalancer(elb));
        assertEquals(1, elb.describeLoadBalancers().loadBalancerDescriptions().size());
        elb.deleteLoadBalancer(r -> r.loadBalancerName("my-load-balancer"));
        elb.deleteLoadBalancer(r -> r.loadBalancerName("my-load-balancer"));
        assertTrue(elb.describeLoadBalancers().loadBalancerDescriptions().isEmpty());
    }

    @Test
    void policyTypesSamplesAndAccountLimits() {
        var types = elb.describeLoadBalancerPolicyTypes().policyTypeDescriptions().stream()
                .map(t -> t.policyTypeName()).collect(Collectors.toSet());
        assertTrue(types.containsAll(List.of("LBCookieStickinessPolicyType", "AppCookieStickinessPolicyType",
                "ProxyProtocolPolicyType", "SSLNegotiationPolicyType", "PublicKeyPolicyType",
                "BackendServerAuthenticationPolicyType")), types.toString());
        var lbCookie = elb.describeLoadBalancerPolicyTypes(r -> r.policyTypeNames("LBCookieStickinessPolicyType"))
                .policyTypeDescriptions().get(0).policyAttributeTypeDescriptions().get(0);
        assertEquals("CookieExpirationPeriod", lbCookie.attributeName());
        assertEquals("Long", lbCookie.attributeType());
        assertEquals("ZERO_OR_ONE", lbCookie.cardinality());

        assertTrue(elb.describeLoadBalancerPolicies().policyDescriptions().stream()
                .anyMatch(p -> p.policyName().startsWith("ELBSample-")));
        var limits = elb.describeAccountLimits().limits().stream().map(l -> l.name()).toList();
        assertEquals(List.of("classic-listeners", "classic-load-balancers", "classic-registered-instances"), limits);
    }

    @Test
    void tagsUpsertRemoveAndDescribe() {
        createSeedLoadBalancer(elb);
        elb.addTags(r -> r.loadBalancerNames("my-load-balancer").tags(Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("team").value("a").build()));
        elb.addTags(r -> r.loadBalancerNames("my-load-balancer").tags(Tag.builder().key("env").value("prod").build()));
        elb.removeTags(r -> r.loadBalancerNames("my-load-balancer").tags(TagKeyOnly.builder().key("team").build()));
        var tags = elb.describeTags(r -> r.loadBalancerNames("my-load-balancer")).tagDescriptions().get(0).tags();
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()), tags);
    }

    @Test
    void instancesRegisterDeregisterAndHealth() {
        createSeedLoadBalancer(elb);
        var registered = elb.registerInstancesWithLoadBalancer(r -> r.loadBalancerName("my-load-balancer")
                .instances(Instance.builder().instanceId("i-0123456789abcdef0").build(),
                        Instance.builder().instanceId("i-12345678").build())).instances();
        assertEquals(2, registered.size());
        var health = elb.describeInstanceHealth(r -> r.loadBalancerName("my-load-balancer")).instanceStates();
        // Health checks at AWS's pace here (healthTimeScale 1): 10 checks 30 s apart are still to come.
        assertEquals(List.of("OutOfService", "OutOfService"), health.stream().map(s -> s.state()).toList());
        assertEquals("Instance registration is still in progress.", health.get(0).description());
        var remaining = elb.deregisterInstancesFromLoadBalancer(r -> r.loadBalancerName("my-load-balancer")
                .instances(Instance.builder().instanceId("i-12345678").build())).instances();
        assertEquals(List.of("i-0123456789abcdef0"), remaining.stream().map(Instance::instanceId).toList());
    }

    @Test
    void attributesHaveDefaultsAndModifyEchoesWhatWasSent() {
        createSeedLoadBalancer(elb);
        var attributes = elb.describeLoadBalancerAttributes(r -> r.loadBalancerName("my-load-balancer")).loadBalancerAttributes();
        assertEquals(false, attributes.crossZoneLoadBalancing().enabled());
        assertEquals(false, attributes.connectionDraining().enabled());
        assertEquals(300, attributes.connectionDraining().timeout());
        assertEquals(60, attributes.connectionSettings().idleTimeout());
        assertEquals(false, attributes.accessLog().enabled());

        var echoed = elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("my-load-balancer")
                .loadBalancerAttributes(a -> a.connectionSettings(c -> c.idleTimeout(120))));
        assertEquals("my-load-balancer", echoed.loadBalancerName());
        assertEquals(120, echoed.loadBalancerAttributes().connectionSettings().idleTimeout());
        assertEquals(120, elb.describeLoadBalancerAttributes(r -> r.loadBalancerName("my-load-balancer"))
                .loadBalancerAttributes().connectionSettings().idleTimeout());
    }

    @Test
    void healthCheckListenersAndVpcOperations() {
        elb.createLoadBalancer(r -> r.loadBalancerName("vpc-lb").scheme("internal")
                .listeners(Listener.builder().protocol("tcp").loadBalancerPort(443).instancePort(443).build())
                .subnets("subnet-0a1b2c3d").securityGroups("sg-0123abcd"));
        var check = elb.configureHealthCheck(r -> r.loadBalancerName("vpc-lb").healthCheck(h -> h.target("HTTP:8080/ping")
                .interval(10).timeout(5).unhealthyThreshold(3).healthyThreshold(3))).healthCheck();
        assertEquals("HTTP:8080/ping", check.target());
        elb.createLoadBalancerListeners(r -> r.loadBalancerName("vpc-lb")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instancePort(8080).build()));
        assertEquals(List.of("subnet-0a1b2c3d", "subnet-11112222"), elb.attachLoadBalancerToSubnets(r -> r
                .loadBalancerName("vpc-lb").subnets("subnet-11112222")).subnets());
        assertEquals(List.of("sg-0000ffff"), elb.applySecurityGroupsToLoadBalancer(r -> r.loadBalancerName("vpc-lb")
                .securityGroups("sg-0000ffff")).securityGroups());
        elb.deleteLoadBalancerListeners(r -> r.loadBalancerName("vpc-lb").loadBalancerPorts(443));

        LoadBalancerDescription lb = elb.describeLoadBalancers(r -> r.loadBalancerNames("vpc-lb")).loadBalancerDescriptions().get(0);
        assertEquals("internal", lb.scheme());
        assertTrue(lb.dnsName().startsWith("internal-vpc-lb-"), lb.dnsName());
        assertTrue(lb.vpcId().startsWith("vpc-"));
        assertEquals(List.of(80), lb.listenerDescriptions().stream().map(d -> d.listener().loadBalancerPort()).toList());
        assertEquals("HTTP", lb.listenerDescriptions().get(0).listener().instanceProtocol());
        assertEquals("HTTP:8080/ping", lb.healthCheck().target());
    }

    @Test
    void backendProxyProtocolPolicy() {
        createSeedLoadBalancer(elb);
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("proxy")
                .policyTypeName("ProxyProtocolPolicyType").policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("my-load-balancer").instancePort(8080).policyNames("proxy"));
        LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
        assertEquals(List.of("proxy"), lb.policies().otherPolicies());
        assertEquals(8080, lb.backendServerDescriptions().get(0).instancePort());
        assertEquals(List.of("proxy"), lb.backendServerDescriptions().get(0).policyNames());
    }

    @Test
    void dnsNameFollowsTheRegionOfTheSignature() {
        try (ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.EU_WEST_1)) {
            String dns = createSeedLoadBalancer(west);
            assertTrue(dns.endsWith(".eu-west-1.elb.amazonaws.com"), dns);
        }
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = "lb-" + i;
                created.add(pool.submit(() -> elb.createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones("us-east-1a")
                        .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instancePort(80).build())).dnsName()));
            }
            for (Future<String> future : created) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, elb.describeLoadBalancers().loadBalancerDescriptions().size());
        assertEquals(40, emulator.mutatingCallCount());
    }

    private static Map<String, String> attributes(PolicyDescription policy) {
        return policy.policyAttributeDescriptions().stream()
                .collect(Collectors.toMap(PolicyAttributeDescription::attributeName, PolicyAttributeDescription::attributeValue));
    }
}
