package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's doors (PRODUCT.md section 11): what a web page, an unsigned request or an
 * ambiguous one can do to the world, which is nothing; every refusal leaves the mutating-call
 * count at zero and the seeded load balancer in place.
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorDoorsTest {
    private static final String DELETE = "Action=DeleteLoadBalancer&LoadBalancerName=victim&Version=2012-06-01";

    private final EmulatorServer emulator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    EmulatorDoorsTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void seed() {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            EmulatorSeedFlowTest.createSeedLoadBalancer(elb);
            elb.createLoadBalancer(r -> r.loadBalancerName("victim").availabilityZones("us-east-1a")
                    .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instancePort(80)));
        }
    }

    @Test
    void aLinkToADeleteIsRefusedAsUnauthenticated() throws Exception {
        long writes = emulator.mutatingCallCount();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/?" + DELETE)).GET());
        assertAwsError(response, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertUntouched(writes);
    }

    @Test
    void aSignatureParameterInAGetUrlDoesNotAuthenticate() throws Exception {
        long writes = emulator.mutatingCallCount();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/?" + DELETE
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=forged")).GET());
        assertAwsError(response, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertUntouched(writes);
    }

    @Test
    void anUnsignedPostIsRefused() throws Exception {
        long writes = emulator.mutatingCallCount();
        HttpResponse<String> response = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(DELETE)));
        assertAwsError(response, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertUntouched(writes);
    }

    @Test
    void theSdkWithoutCredentialsGetsMissingAuthenticationToken() {
        long writes = emulator.mutatingCallCount();
        try (ElasticLoadBalancingClient anonymous = ElasticLoadBalancingClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> anonymous.deleteLoadBalancer(r -> r.loadBalancerName("victim")));
            assertEquals("MissingAuthenticationToken", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
        assertUntouched(writes);
    }

    @Test
    void aPagesTextPlainPostIsRefusedEvenWithAnAuthorizationHeader() throws Exception {
        long writes = emulator.mutatingCallCount();
        HttpResponse<String> response = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
                .header("Authorization", TestSignature.AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(DELETE)));
        assertAwsError(response, 403, "AccessDenied", "Requests from web pages are refused (Origin https://evil.example)");
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertUntouched(writes);
    }

    @Test
    void aPageCannotResetTheWorldThroughTheAdminRoute() throws Exception {
        long writes = emulator.mutatingCallCount();
        long calls = emulator.callLog().size();
        HttpResponse<String> response = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/reset"))
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("--allow-origin"), response.body());
        assertEquals(calls, emulator.callLog().size(), "the counts were not reset");
        HttpResponse<String> counts = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/calls"))
                .header("Origin", "https://evil.example").GET());
        assertEquals(403, counts.statusCode());
        assertUntouched(writes);
    }

    @Test
    void aScalarParameterGivenTwiceIsRefusedAndChangesNothing() throws Exception {
        long writes = emulator.mutatingCallCount();
        HttpResponse<String> response = signedPost("Action=DeleteLoadBalancer&LoadBalancerName=victim&LoadBalancerName=my-load-balancer"
                + "&Version=2012-06-01");
        assertAwsError(response, 400, "InvalidQueryParameter", "The parameter LoadBalancerName is given more than once");
        HttpResponse<String> acrossUrlAndBody = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/?LoadBalancerName=my-load-balancer"))
                .header("Authorization", TestSignature.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(DELETE)));
        assertAwsError(acrossUrlAndBody, 400, "InvalidQueryParameter", "The parameter LoadBalancerName is given more than once");
        assertUntouched(writes);
    }

    @Test
    void aSignedGetStillServesTheQueryProtocol() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/?Action=DescribeLoadBalancers&Version=2012-06-01&LoadBalancerNames.member.1=victim"))
                .header("Authorization", TestSignature.AUTHORIZATION).GET());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("<LoadBalancerName>victim</LoadBalancerName>"), response.body());
    }

    @Test
    void anAllowedOriginIsServedWithCorsHeadersAndOthersStillAreNot() throws Exception {
        try (EmulatorServer allowing = EmulatorServer.start(EmulatorConfig.embedded(null)
                .withAllowedOrigins(Set.of("http://localhost:3000")))) {
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(allowing.endpoint().resolve("/"))
                    .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,x-amz-date")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, preflight.statusCode());
            assertEquals("http://localhost:3000", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("authorization,x-amz-date", preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""));

            HttpResponse<String> allowed = send(HttpRequest.newBuilder(allowing.endpoint().resolve("/"))
                    .header("Origin", "http://localhost:3000").header("Authorization", TestSignature.AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeLoadBalancers&Version=2012-06-01")));
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertEquals("http://localhost:3000", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

            HttpResponse<String> other = send(HttpRequest.newBuilder(allowing.endpoint().resolve("/_emulator/reset"))
                    .header("Origin", "http://localhost:3001").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, other.statusCode());
            HttpResponse<String> unsigned = send(HttpRequest.newBuilder(allowing.endpoint().resolve("/"))
                    .header("Origin", "http://localhost:3000")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeLoadBalancers&Version=2012-06-01")));
            assertAwsError(unsigned, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
            assertEquals(0, allowing.mutatingCallCount());
        }
    }

    @Test
    void loopbackAddressesAreNotReachableFromOtherMachinesAndTheRestAre() {
        EmulatorConfig config = EmulatorConfig.embedded(null);
        assertFalse(config.withBindAddress("127.0.0.1").reachableFromOtherMachines());
        assertFalse(config.withBindAddress("::1").reachableFromOtherMachines());
        assertFalse(config.withBindAddress("localhost").reachableFromOtherMachines());
        assertTrue(config.withBindAddress("0.0.0.0").reachableFromOtherMachines());
        assertTrue(config.withBindAddress("::").reachableFromOtherMachines());
        assertTrue(config.withBindAddress("192.0.2.10").reachableFromOtherMachines());
        assertTrue(config.withBindAddress("no-such-host.invalid").reachableFromOtherMachines());
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedEvenWhenSigned() throws Exception {
        long writes = emulator.mutatingCallCount();
        String answer = rawExchange("POST / HTTP/1.1\r\nHost: rebound.evil.example:" + emulator.port()
                + "\r\nAuthorization: " + TestSignature.AUTHORIZATION
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + DELETE.length()
                + "\r\nConnection: close\r\n\r\n" + DELETE);
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("<Code>AccessDenied</Code><Message>Requests naming host rebound.evil.example:"), answer);
        assertUntouched(writes);
    }

    @Test
    void theAdminRoutesRefuseAnotherHostToo() throws Exception {
        String answer = rawExchange("POST /_emulator/reset HTTP/1.1\r\nHost: rebound.evil.example\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertUntouched(emulator.mutatingCallCount());
    }

    @Test
    void localhostIsAcceptedAsTheHost() throws Exception {
        String describe = "Action=DescribeLoadBalancers&Version=2012-06-01";
        String answer = rawExchange("POST / HTTP/1.1\r\nHost: localhost:" + emulator.port()
                + "\r\nAuthorization: " + TestSignature.AUTHORIZATION
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + describe.length()
                + "\r\nConnection: close\r\n\r\n" + describe);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("<LoadBalancerName>victim</LoadBalancerName>"), answer);
    }

    /** java.net.http will not send a Host of our choosing, so these go over a plain socket. */
    private String rawExchange(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void assertUntouched(long writesBefore) {
        assertEquals(writesBefore, emulator.mutatingCallCount(), "no mutating call reached the engine");
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            assertEquals(2, elb.describeLoadBalancers().loadBalancerDescriptions().size());
        }
    }

    private static void assertAwsError(HttpResponse<String> response, int status, String code, String messageStart) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElse(""));
        String body = response.body();
        assertTrue(body.startsWith("<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + messageStart), body);
        assertTrue(body.contains("</Message></Error><RequestId>"), body);
    }

    private HttpResponse<String> signedPost(String form) throws Exception {
        return send(HttpRequest.newBuilder(emulator.endpoint().resolve("/")).header("Authorization", TestSignature.AUTHORIZATION)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
