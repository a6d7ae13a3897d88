package io.elbreconcile.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.ManualClock;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeInstanceHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancing.model.Limit;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.TooManyLoadBalancersException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator as a stand-in for AWS (PRODUCT.md section 14), through the real SDK. */
class EmulatorStandInTest {

    private static final Listener HTTP = Listener.builder().protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP")
            .instancePort(80).build();

    private static void create(ElasticLoadBalancingClient elb, String name, String zone) {
        elb.createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones(zone).listeners(HTTP));
    }

    private static List<String> names(ElasticLoadBalancingClient elb) {
        return elb.describeLoadBalancers().loadBalancerDescriptions().stream().map(LoadBalancerDescription::loadBalancerName).toList();
    }

    @Test
    void eachRegionIsItsOwnWorld() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2);
             ElasticLoadBalancingClient east2 = ElbClients.forEndpoint(emulator.endpoint(), Region.US_EAST_2)) {
            create(west, "web", "us-west-2a");
            assertEquals(List.of("web"), names(west));
            assertEquals(List.of(), names(east2));
            LoadBalancerNotFoundException missing = assertThrows(LoadBalancerNotFoundException.class,
                    () -> east2.describeLoadBalancers(r -> r.loadBalancerNames("web")));
            assertEquals("Cannot find Load Balancer web", missing.awsErrorDetails().errorMessage());
            // The same name in another region is another load balancer, in that region's DNS.
            create(east2, "web", "us-east-2b");
            assertTrue(east2.describeLoadBalancers().loadBalancerDescriptions().get(0).dnsName().contains(".us-east-2."));
            east2.deleteLoadBalancer(r -> r.loadBalancerName("web"));
            assertEquals(List.of("web"), names(west));
        }
    }

    @Test
    void aPresignedRequestsCredentialScopeChoosesTheRegion() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient frankfurt = ElbClients.forEndpoint(emulator.endpoint(), Region.EU_CENTRAL_1)) {
            create(frankfurt, "api", "eu-central-1a");
            String query = "Action=DescribeLoadBalancers&Version=2012-06-01"
                    + "&X-Amz-Credential=AKIDTEST%2F20260101%2Feu-central-1%2Felasticloadbalancing%2Faws4_request"
                    + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0000";
            // POST: a GET must carry the Authorization header (a signature in a URL is not checked, see EmulatorDoorsTest).
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(emulator.endpoint() + "/?" + query)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("<LoadBalancerName>api</LoadBalancerName>"), answer.body());
        }
    }

    @Test
    void zoneOnlyLoadBalancersLiveInTheDefaultVpc() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            create(elb, "web", "us-east-1a");
            LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
            assertTrue(lb.vpcId().startsWith("vpc-"), lb.vpcId());
            assertEquals(1, lb.subnets().size());
            String defaultGroup = lb.securityGroups().get(0);
            assertEquals("123456789012", lb.sourceSecurityGroup().ownerAlias());
            assertEquals("default", lb.sourceSecurityGroup().groupName());
            assertEquals(List.of("sg-0123abcd"), elb.applySecurityGroupsToLoadBalancer(r -> r.loadBalancerName("web")
                    .securityGroups("sg-0123abcd")).securityGroups());
            assertEquals(List.of("us-east-1a", "us-east-1b"), elb.enableAvailabilityZonesForLoadBalancer(r -> r
                    .loadBalancerName("web").availabilityZones("us-east-1b")).availabilityZones());
            LoadBalancerDescription wider = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
            assertEquals(2, wider.subnets().size());
            assertEquals(lb.vpcId(), wider.vpcId());
            assertEquals("sg-0123abcd", wider.sourceSecurityGroup().groupName());
            assertFalse(defaultGroup.equals("sg-0123abcd"));
            // Another region has another default VPC.
            try (ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2)) {
                create(west, "web", "us-west-2a");
                assertFalse(lb.vpcId().equals(west.describeLoadBalancers().loadBalancerDescriptions().get(0).vpcId()));
            }
        }
    }

    @Test
    void quotasAreAwssDefaultsAndCanBeRaised() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            Map<String, String> limits = elb.describeAccountLimits().limits().stream()
                    .collect(Collectors.toMap(Limit::name, Limit::max));
            assertEquals(Map.of("classic-load-balancers", "20", "classic-listeners", "100",
                    "classic-registered-instances", "1000"), limits);
            for (int i = 0; i < 20; i++) {
                create(elb, "lb-" + i, "us-east-1a");
            }
            TooManyLoadBalancersException refused = assertThrows(TooManyLoadBalancersException.class,
                    () -> create(elb, "lb-20", "us-east-1a"));
            assertEquals("TooManyLoadBalancers", refused.awsErrorDetails().errorCode());
            // The quota is per region.
            try (ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2)) {
                create(west, "lb-20", "us-west-2a");
            }
        }
        EngineSettings raised = EngineSettings.AWS_LIKE.withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 25));
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withSettings(raised));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            for (int i = 0; i < 25; i++) {
                create(elb, "lb-" + i, "us-east-1a");
            }
            assertEquals(25, elb.describeLoadBalancersPaginator().loadBalancerDescriptions().stream().count());
            assertEquals("25", elb.describeAccountLimits().limits().stream()
                    .filter(l -> l.name().equals("classic-load-balancers")).findFirst().orElseThrow().max());
        }
    }

    @Test
    void instancesBecomeInServiceAfterTheHealthCheckPassesOnTheEmulatorsClock() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withClock(clock));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            create(elb, "web", "us-east-1a");
            elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("HTTP:80/health")
                    .interval(10).timeout(5).healthyThreshold(3).unhealthyThreshold(2)));
            elb.registerInstancesWithLoadBalancer(r -> r.loadBalancerName("web")
                    .instances(Instance.builder().instanceId("i-0123456789abcdef0").build()));
            var registering = elb.describeInstanceHealth(r -> r.loadBalancerName("web")).instanceStates().get(0);
            assertEquals("OutOfService", registering.state());
            assertEquals("Instance registration is still in progress.", registering.description());
            // 3 checks 10 s apart at the default scale of 0.01: 300 ms.
            clock.advance(Duration.ofMillis(299));
            assertEquals("OutOfService", elb.describeInstanceHealth(r -> r.loadBalancerName("web")).instanceStates().get(0).state());
            clock.advance(Duration.ofMillis(1));
            // The SDK's own waiter accepts the answer at its first poll.
            WaiterResponse<DescribeInstanceHealthResponse> waited = elb.waiter()
                    .waitUntilAnyInstanceInService(r -> r.loadBalancerName("web"));
            assertEquals(1, waited.attemptsExecuted());
            assertEquals("InService", waited.matched().response().orElseThrow().instanceStates().get(0).state());
        }
    }

    @Test
    void everyPredefinedSecurityPolicyIsDescribableWithItsAttributes() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            List<String> all = elb.describeLoadBalancerPolicies().policyDescriptions().stream()
                    .map(PolicyDescription::policyName).toList();
            assertEquals(List.of("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-1-2017-01",
                    "ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-2015-03",
                    "ELBSecurityPolicy-2015-02", "ELBSecurityPolicy-2014-10", "ELBSecurityPolicy-2014-01",
                    "ELBSecurityPolicy-2011-08", "ELBSample-ELBDefaultNegotiationPolicy",
                    "ELBSample-OpenSSLDefaultNegotiationPolicy"), all);
            Map<String, String> may2015 = attributes(elb, "ELBSecurityPolicy-2015-05");
            assertEquals("true", may2015.get("Protocol-TLSv1"));
            assertEquals("true", may2015.get("DES-CBC3-SHA"));
            assertEquals("false", may2015.get("DHE-RSA-AES128-SHA"));
            Map<String, String> tls12 = attributes(elb, "ELBSecurityPolicy-TLS-1-2-2017-01");
            assertEquals("false", tls12.get("Protocol-TLSv1.1"));
            assertEquals("true", tls12.get("Protocol-TLSv1.2"));
            assertEquals("false", tls12.get("AES128-SHA"));
            assertEquals(may2015.keySet(), tls12.keySet(), "every predefined policy reports the same attributes");
            assertEquals("ELBSample-ELBDefaultCipherPolicy", elb.describeLoadBalancerPolicies(r -> r
                    .policyNames("ELBSample-ELBDefaultCipherPolicy")).policyDescriptions().get(0).policyName());
        }
    }

    private static Map<String, String> attributes(ElasticLoadBalancingClient elb, String policy) {
        return elb.describeLoadBalancerPolicies(r -> r.policyNames(policy)).policyDescriptions().get(0)
                .policyAttributeDescriptions().stream()
                .collect(Collectors.toMap(PolicyAttributeDescription::attributeName, PolicyAttributeDescription::attributeValue));
    }

    @Test
    void ec2DescribeSecurityGroupsFindsTheSourceGroupAsTerraformAsksForIt() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            create(elb, "web", "us-east-1a");
            LoadBalancerDescription lb = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
            String filters = "Action=DescribeSecurityGroups&Version=2016-11-15"
                    + "&Filter.1.Name=group-name&Filter.1.Value.1=" + lb.sourceSecurityGroup().groupName()
                    + "&Filter.2.Name=vpc-id&Filter.2.Value.1=" + lb.vpcId()
                    + "&Filter.3.Name=owner-id&Filter.3.Value.1=" + lb.sourceSecurityGroup().ownerAlias();
            HttpResponse<String> found = post(emulator, filters);
            assertEquals(200, found.statusCode(), found.body());
            assertTrue(found.body().contains("<groupId>" + lb.securityGroups().get(0) + "</groupId>"), found.body());
            assertTrue(found.body().contains("<vpcId>" + lb.vpcId() + "</vpcId>"), found.body());
            HttpResponse<String> otherVpc = post(emulator, "Action=DescribeSecurityGroups&Version=2016-11-15"
                    + "&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-00000000");
            assertTrue(otherVpc.body().contains("<securityGroupInfo/>"), otherVpc.body());
            HttpResponse<String> unknownFilter = post(emulator, "Action=DescribeSecurityGroups&Version=2016-11-15"
                    + "&Filter.1.Name=tag:Name&Filter.1.Value.1=x");
            assertEquals(400, unknownFilter.statusCode(), unknownFilter.body());
            HttpResponse<String> otherEc2 = post(emulator, "Action=DescribeInstances&Version=2016-11-15");
            assertEquals(400, otherEc2.statusCode(), otherEc2.body());
        }
    }

    /**
     * Terraform's destroy of an aws_elb looks for the load balancer's network interfaces to clean
     * them up; the emulator runs none, so EC2's answer is an empty set, in EC2's format.
     */
    @Test
    void ec2DescribeNetworkInterfacesAnswersAnEmptySetAsTerraformAsksForIt() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            create(elb, "web", "us-east-1a");
            HttpResponse<String> found = post(emulator, "Action=DescribeNetworkInterfaces&Version=2016-11-15"
                    + "&Filter.1.Name=attachment.instance-owner-id&Filter.1.Value.1=amazon-elb"
                    + "&Filter.2.Name=description&Filter.2.Value.1=ELB+web");
            assertEquals(200, found.statusCode(), found.body());
            assertTrue(found.body().startsWith("<DescribeNetworkInterfacesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"),
                    found.body());
            assertTrue(found.body().contains("<networkInterfaceSet/>"), found.body());
            assertTrue(found.body().contains("<requestId>"), found.body());
            HttpResponse<String> byId = post(emulator, "Action=DescribeNetworkInterfaces&Version=2016-11-15"
                    + "&NetworkInterfaceId.1=eni-12345678");
            assertEquals(400, byId.statusCode(), byId.body());
            assertTrue(byId.body().contains("<Code>InvalidNetworkInterfaceID.NotFound</Code>"), byId.body());
        }
    }

    private static HttpResponse<String> post(EmulatorServer emulator, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", TestSignature.AUTHORIZATION)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void motoApiResetEmptiesEveryWorld() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
             ElasticLoadBalancingClient east = ElbClients.forEndpoint(emulator.endpoint());
             ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2)) {
            create(east, "a", "us-east-1a");
            create(west, "b", "us-west-2a");
            HttpClient http = HttpClient.newHttpClient();
            URI reset = URI.create(emulator.endpoint() + "/moto-api/reset");
            assertEquals(405, http.send(HttpRequest.newBuilder(reset).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(List.of("a"), names(east), "a refused reset changes nothing");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(reset).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(List.of(), names(east));
            assertEquals(List.of(), names(west));
        }
    }

    @Test
    void theStateFileKeepsEveryRegionAndReadsAnOlderSingleWorldFile(@TempDir Path directory) throws Exception {
        Path state = directory.resolve("state.json");
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state));
             ElasticLoadBalancingClient east = ElbClients.forEndpoint(emulator.endpoint());
             ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2)) {
            create(east, "a", "us-east-1a");
            create(west, "b", "us-west-2a");
        }
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state));
             ElasticLoadBalancingClient east = ElbClients.forEndpoint(emulator.endpoint());
             ElasticLoadBalancingClient west = ElbClients.forEndpoint(emulator.endpoint(), Region.US_WEST_2)) {
            assertEquals(List.of("a"), names(east));
            assertEquals(List.of("b"), names(west));
        }
        // Format 1 held one world, its zone-only load balancers without VPC (EC2-Classic style): made here
        // from the saved file, and read back into the default region's default VPC.
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state));
             ElasticLoadBalancingClient east = ElbClients.forEndpoint(emulator.endpoint())) {
            east.registerInstancesWithLoadBalancer(r -> r.loadBalancerName("a").instances(Instance.builder().instanceId("i-12345678").build()));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode world = (ObjectNode) json.readTree(state.toFile()).get("worlds").get(0).get("world");
        ObjectNode old = (ObjectNode) world.get("loadBalancers").get("a");
        old.putNull("vpcId");
        old.putArray("subnets");
        old.putArray("securityGroups");
        old.remove("registrations");
        Path older = directory.resolve("older.json");
        json.writeValue(older.toFile(), json.createObjectNode().put("formatVersion", 1).set("world", world));
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(older));
             ElasticLoadBalancingClient east = ElbClients.forEndpoint(emulator.endpoint())) {
            LoadBalancerDescription lb = east.describeLoadBalancers().loadBalancerDescriptions().get(0);
            assertEquals("a", lb.loadBalancerName());
            assertTrue(lb.vpcId().startsWith("vpc-"), lb.vpcId());
            assertEquals(1, lb.subnets().size());
            // Registered before health followed the clock: in service.
            assertEquals("InService", east.describeInstanceHealth(r -> r.loadBalancerName("a")).instanceStates().get(0).state());
        }
    }
}
