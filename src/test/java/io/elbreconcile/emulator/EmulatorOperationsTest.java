package io.elbreconcile.emulator;

import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.EmulatorOptions;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pagination, faults and the admin endpoints: what the reconciler's operators rely on. */
@ExtendWith(EmulatorExtension.class)
@EmulatorOptions(loadBalancerQuota = 1_000)
class EmulatorOperationsTest {

    @Test
    void paginates450LoadBalancersInPagesOf400(EmulatorServer emulator) throws Exception {
        // Seeded over plain HTTP: the SDK's per-call overhead would dominate this test's run time.
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 450; i++) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                    .header("Authorization", TestSignature.AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(String.format("Action=CreateLoadBalancer&Version=2012-06-01"
                            + "&LoadBalancerName=lb-%03d&AvailabilityZones.member.1=us-east-1a&Listeners.member.1.Protocol=HTTP"
                            + "&Listeners.member.1.LoadBalancerPort=80&Listeners.member.1.InstancePort=80", i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, created.statusCode(), created.body());
        }
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            DescribeLoadBalancersResponse first = elb.describeLoadBalancers(r -> r.pageSize(400));
            assertEquals(400, first.loadBalancerDescriptions().size());
            assertTrue(first.nextMarker() != null);
            DescribeLoadBalancersResponse second = elb.describeLoadBalancers(r -> r.pageSize(400).marker(first.nextMarker()));
            assertEquals(50, second.loadBalancerDescriptions().size());
            assertNull(second.nextMarker());
            List<String> names = new ArrayList<>();
            first.loadBalancerDescriptions().forEach(d -> names.add(d.loadBalancerName()));
            second.loadBalancerDescriptions().forEach(d -> names.add(d.loadBalancerName()));
            assertEquals(450, names.stream().distinct().count());
            assertEquals(names.stream().sorted().toList(), names);

        }
        // Without PageSize the page holds 400 (checked over plain HTTP: parsing 400 descriptions is the SDK's slow part).
        String all = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/?Action=DescribeLoadBalancers&Version=2012-06-01"))
                .header("Authorization", TestSignature.AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(400, all.split("<LoadBalancerName>", -1).length - 1);
        assertTrue(all.contains("<NextMarker>"));
    }

    @Test
    void throttlesBeyondTheRateWithThrottling400() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withThrottleRate(1));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            int throttled = 0;
            for (int i = 0; i < 5; i++) {
                try {
                    elb.describeLoadBalancers();
                } catch (AwsServiceException e) {
                    assertEquals("Throttling", e.awsErrorDetails().errorCode());
                    assertEquals(400, e.statusCode());
                    assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
                    throttled++;
                }
            }
            // A burst of one request per second: at most one or two of five quick calls get through.
            assertTrue(throttled >= 3, "throttled " + throttled);
            assertTrue(emulator.callCounts().getOrDefault("DescribeLoadBalancers", 0L) <= 2);
        }
    }

    @Test
    void errorRateOneFailsEveryRequestWith500AndChangesNothing() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withErrorRate(1.0).withSeed(7));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> EmulatorSeedFlowTest.createSeedLoadBalancer(elb));
            assertEquals("InternalFailure", e.awsErrorDetails().errorCode());
            assertEquals(500, e.statusCode());
            assertEquals(0, emulator.mutatingCallCount());
        }
    }

    @Test
    void latencyDelaysAnswers() {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withLatencyMs(150));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            long start = System.nanoTime();
            elb.describeLoadBalancers();
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 150);
        }
    }

    @Test
    void callCountsLogAndAdminEndpoints(EmulatorServer emulator) throws Exception {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            EmulatorSeedFlowTest.createSeedLoadBalancer(elb);
            elb.describeLoadBalancers();
            elb.describeLoadBalancers();
            assertThrows(AwsServiceException.class, () -> elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName("nope").policyName("p")));

            assertEquals(Map.of("CreateLoadBalancer", 1L, "DescribeLoadBalancers", 2L, "DeleteLoadBalancerPolicy", 1L),
                    emulator.callCounts());
            assertEquals(2, emulator.mutatingCallCount());
            RecordedCall first = emulator.callLog().get(0);
            assertEquals("CreateLoadBalancer", first.action());
            assertEquals("my-load-balancer", first.parameters().get("LoadBalancerName"));
            assertEquals("8080", first.parameters().get("Listeners.member.1.InstancePort"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> calls = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/calls")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, calls.statusCode());
            assertEquals("{\"calls\": {\"CreateLoadBalancer\": 1, \"DeleteLoadBalancerPolicy\": 1, \"DescribeLoadBalancers\": 2}, "
                    + "\"mutating\": 2}", calls.body());

            HttpResponse<String> reset = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reset.statusCode());
            assertTrue(emulator.callCounts().isEmpty());
            assertEquals(0, emulator.mutatingCallCount());
            assertTrue(elb.describeLoadBalancers().loadBalancerDescriptions().isEmpty());
        }
    }
}
