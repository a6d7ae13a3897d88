package io.elbreconcile.emulator;

import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Query protocol at the byte level, with a plain HTTP client: response shapes, and bad input
 * answered with AWS error XML while the server keeps serving and the world stays unchanged.
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorProtocolTest {
    private static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";
    private static final String CREATE = "Action=CreateLoadBalancer&Version=2012-06-01&LoadBalancerName=my-load-balancer"
            + "&Listeners.member.1.Protocol=HTTP&Listeners.member.1.LoadBalancerPort=80&Listeners.member.1.InstancePort=8080"
            + "&AvailabilityZones.member.1=us-east-1a";

    private final EmulatorServer emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    EmulatorProtocolTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void seed() throws Exception {
        assertEquals(200, post(CREATE).statusCode());
    }

    @Test
    void successHasNamespaceResultAndTheSameRequestIdInHeaderAndBody() throws Exception {
        HttpResponse<String> response = post("Action=CreateLBCookieStickinessPolicy&Version=2012-06-01"
                + "&LoadBalancerName=my-load-balancer&PolicyName=my-duration-cookie-policy&CookieExpirationPeriod=60");
        assertEquals(200, response.statusCode());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElse(""));
        Element root = parse(response.body());
        assertEquals("CreateLBCookieStickinessPolicyResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(1, root.getElementsByTagNameNS(NS, "CreateLBCookieStickinessPolicyResult").getLength());
        String requestId = root.getElementsByTagNameNS(NS, "RequestId").item(0).getTextContent();
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElse(""), requestId);
        java.util.UUID parsed = java.util.UUID.fromString(requestId);
        assertEquals(4, parsed.version(), "AWS request ids are random (version 4) UUIDs");
        assertEquals(2, parsed.variant());
        String next = parse(post("Action=DescribeLoadBalancers&Version=2012-06-01").body())
                .getElementsByTagNameNS(NS, "RequestId").item(0).getTextContent();
        org.junit.jupiter.api.Assertions.assertNotEquals(requestId, next, "every request gets its own id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Reference 3.1: the seed policy, an empty result element.
            "seed policy | Action=CreateLBCookieStickinessPolicy&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=my-duration-cookie-policy&CookieExpirationPeriod=60 | 200 | "
                    + "<CreateLBCookieStickinessPolicyResponse xmlns=\"" + NS + "\"><CreateLBCookieStickinessPolicyResult/>"
                    + "<ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></CreateLBCookieStickinessPolicyResponse>",
            // Reference 3.2: RequestId is a direct child of ErrorResponse.
            "missing load balancer | Action=DeleteLoadBalancerPolicy&Version=2012-06-01&LoadBalancerName=nope&PolicyName=p | 400 | "
                    + "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code>"
                    + "<Message>Cannot find Load Balancer nope</Message></Error><RequestId>ID</RequestId></ErrorResponse>",
            "policy in use | Action=DeleteLoadBalancerPolicy&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=on | 409 | "
                    + "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>InvalidConfigurationRequest</Code>"
                    + "<Message>You cannot delete policy [on] since it is enabled or referred by other enabled policy.</Message></Error>"
                    + "<RequestId>ID</RequestId></ErrorResponse>",
            "health check echo | Action=ConfigureHealthCheck&Version=2012-06-01&LoadBalancerName=my-load-balancer&HealthCheck.Target=HTTP:80/ping&HealthCheck.Interval=10&HealthCheck.Timeout=5&HealthCheck.UnhealthyThreshold=2&HealthCheck.HealthyThreshold=3 | 200 | "
                    + "<ConfigureHealthCheckResponse xmlns=\"" + NS + "\"><ConfigureHealthCheckResult><HealthCheck><Target>HTTP:80/ping</Target>"
                    + "<Interval>10</Interval><Timeout>5</Timeout><UnhealthyThreshold>2</UnhealthyThreshold><HealthyThreshold>3</HealthyThreshold>"
                    + "</HealthCheck></ConfigureHealthCheckResult><ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></ConfigureHealthCheckResponse>",
    })
    void exactBodies(String description, String form, int status, String expected) throws Exception {
        post("Action=CreateLBCookieStickinessPolicy&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=on");
        post("Action=SetLoadBalancerPoliciesOfListener&Version=2012-06-01&LoadBalancerName=my-load-balancer&LoadBalancerPort=80&PolicyNames.member.1=on");
        HttpResponse<String> response = post(form);
        assertEquals(status, response.statusCode());
        assertEquals(expected, response.body().replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId>ID</RequestId>"));
    }

    @Test
    void queryStringFormAndExplicitlyEmptyListAreAccepted() throws Exception {
        assertEquals(200, post("Action=CreateLBCookieStickinessPolicy&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=p").statusCode());
        assertEquals(200, post("Action=SetLoadBalancerPoliciesOfListener&Version=2012-06-01&LoadBalancerName=my-load-balancer"
                + "&LoadBalancerPort=80&PolicyNames.member.1=p").statusCode());
        assertTrue(get("Action=DescribeLoadBalancers&Version=2012-06-01").body().contains("<PolicyNames><member>p</member></PolicyNames>"));
        // PolicyNames= is the empty list (reference 2.1), so this clears the listener.
        assertEquals(200, post("Action=SetLoadBalancerPoliciesOfListener&Version=2012-06-01&LoadBalancerName=my-load-balancer"
                + "&LoadBalancerPort=80&PolicyNames=").statusCode());
        HttpResponse<String> described = get("Action=DescribeLoadBalancers&Version=2012-06-01&LoadBalancerNames.member.1=my-load-balancer");
        assertEquals(200, described.statusCode());
        assertTrue(described.body().contains("<PolicyNames/>"), described.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed escape         | Action=Describe%ZZ&Version=2012-06-01                                  | 404 | MalformedQueryString",
            "missing Version          | Action=DescribeLoadBalancers                                           | 400 | MissingParameter",
            "wrong Version            | Action=DescribeLoadBalancers&Version=2015-12-01                        | 400 | InvalidAction",
            "missing Action           | Version=2012-06-01                                                     | 400 | MissingAction",
            "unknown action           | Action=LaunchRockets&Version=2012-06-01                                | 400 | InvalidAction",
            "non-numeric port         | Action=SetLoadBalancerPoliciesOfListener&Version=2012-06-01&LoadBalancerName=my-load-balancer&LoadBalancerPort=eighty&PolicyNames= | 400 | InvalidParameterValue",
            "non-numeric page size    | Action=DescribeLoadBalancers&Version=2012-06-01&PageSize=lots          | 400 | InvalidParameterValue",
            "missing required name    | Action=DeleteLoadBalancer&Version=2012-06-01                           | 400 | MissingParameter",
            "missing required list    | Action=SetLoadBalancerPoliciesOfListener&Version=2012-06-01&LoadBalancerName=my-load-balancer&LoadBalancerPort=80 | 400 | MissingParameter",
            "bad boolean              | Action=ModifyLoadBalancerAttributes&Version=2012-06-01&LoadBalancerName=my-load-balancer&LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled=yes | 400 | InvalidParameterValue",
            "list index zero          | Action=DescribeLoadBalancers&Version=2012-06-01&LoadBalancerNames.member.0=x | 400 | InvalidParameterValue",
            "unknown parameter        | Action=DescribeLoadBalancers&Version=2012-06-01&LoadBalancerName=x     | 400 | InvalidQueryParameter",
            "misspelt parameter       | Action=CreateLBCookieStickinessPolicy&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=p&CookieExpirationPeriode=60 | 400 | InvalidQueryParameter",
            "unknown listener field   | Action=CreateLoadBalancerListeners&Version=2012-06-01&LoadBalancerName=my-load-balancer&Listeners.member.1.Protocol=HTTP&Listeners.member.1.LoadBalancerPort=81&Listeners.member.1.InstancePort=81&Listeners.member.1.InstancePortt=82 | 400 | InvalidQueryParameter",
            "another action's input   | Action=DeleteLoadBalancer&Version=2012-06-01&LoadBalancerName=my-load-balancer&PolicyName=p | 400 | InvalidQueryParameter",
    })
    void badInputIsAnAwsErrorAndTheServerKeepsServing(String description, String body, int status, String code) throws Exception {
        String before = describeAll();
        HttpResponse<String> response = post(body);
        assertError(response, status, code);
        assertEquals(before, describeAll());
    }

    @Test
    void anUnknownParameterReadOnlyInsideTheChangeStillChangesNothing() throws Exception {
        // ModifyLoadBalancerAttributes decodes its attributes while the change is computed.
        HttpResponse<String> response = post("Action=ModifyLoadBalancerAttributes&Version=2012-06-01&LoadBalancerName=my-load-balancer"
                + "&LoadBalancerAttributes.CrossZoneLoadBalancing.Enabled=true&LoadBalancerAttributes.CrossZoneLoadBalancing.Enabld=true");
        assertError(response, 400, "InvalidQueryParameter");
        assertTrue(response.body().contains("LoadBalancerAttributes.CrossZoneLoadBalancing.Enabld"), response.body());
        String attributes = get("Action=DescribeLoadBalancerAttributes&Version=2012-06-01&LoadBalancerName=my-load-balancer").body();
        assertTrue(attributes.contains("<CrossZoneLoadBalancing><Enabled>false</Enabled></CrossZoneLoadBalancing>"), attributes);
    }

    @Test
    void signatureParametersAuthenticateAPostAndAreNotTheActionsInput() throws Exception {
        HttpResponse<String> v4 = unsignedPost("Action=DescribeLoadBalancers&Version=2012-06-01&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKID%2F20261125%2Fus-east-1%2Felasticloadbalancing%2Faws4_request&X-Amz-Date=20261125T000000Z"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=abc");
        assertEquals(200, v4.statusCode(), v4.body());
        HttpResponse<String> v2 = unsignedPost("Action=DescribeLoadBalancers&Version=2012-06-01&AWSAccessKeyId=AKID&SignatureMethod=HmacSHA256"
                + "&SignatureVersion=2&Timestamp=2026-11-25T00%3A00%3A00Z&Signature=abc");
        assertEquals(200, v2.statusCode(), v2.body());
    }

    @Test
    void wrongMethodIsAnErrorDocument() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Authorization", TestSignature.AUTHORIZATION)
                .method("PUT", HttpRequest.BodyPublishers.ofString(CREATE)).build(), HttpResponse.BodyHandlers.ofString());
        assertError(response, 405, "MethodNotAllowed");
        assertEquals(200, get("Action=DescribeLoadBalancers&Version=2012-06-01").statusCode());
    }

    @Test
    void hugeBodyIsRefusedAndTheServerKeepsServing() throws Exception {
        String huge = CREATE.replace("my-load-balancer", "other") + "&Padding=" + "x".repeat(3 << 20);
        assertError(post(huge), 413, "RequestEntityTooLarge");
        String all = describeAll();
        assertTrue(all.contains("my-load-balancer") && !all.contains("<LoadBalancerName>other<"), all);
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        Element root = parse(response.body());
        assertEquals("ErrorResponse", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(code, root.getElementsByTagNameNS(NS, "Code").item(0).getTextContent());
        assertEquals(status >= 500 ? "Receiver" : "Sender", root.getElementsByTagNameNS(NS, "Type").item(0).getTextContent());
        assertTrue(!root.getElementsByTagNameNS(NS, "Message").item(0).getTextContent().isEmpty());
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElse(""),
                root.getElementsByTagNameNS(NS, "RequestId").item(0).getTextContent());
    }

    private String describeAll() throws Exception {
        String body = get("Action=DescribeLoadBalancers&Version=2012-06-01").body();
        return body.replaceAll("<RequestId>[^<]*</RequestId>", "");
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", TestSignature.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> unsignedPost(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/?" + query))
                        .header("Authorization", TestSignature.AUTHORIZATION).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }
}
