package io.elbreconcile.aws;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyAttribute;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.ApplySecurityGroups;
import io.elbreconcile.plan.operation.AttachSubnets;
import io.elbreconcile.plan.operation.ConfigureHealthCheck;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.DetachSubnets;
import io.elbreconcile.plan.operation.DisableAvailabilityZones;
import io.elbreconcile.plan.operation.EnableAvailabilityZones;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.OperationKind;
import io.elbreconcile.plan.operation.RemoveTags;
import io.elbreconcile.plan.operation.SetListenerCertificate;
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK adapter against a scripted loopback server: wire mapping, error mapping, retries. */
class SdkElbPortStubTest {

    private StubElbServer stub;
    private SdkElbPort port;

    @BeforeEach
    void start() throws Exception {
        stub = new StubElbServer();
        port = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(stub.url()).withMaxAttempts(3), Map.of());
    }

    @AfterEach
    void stop() {
        port.close();
        stub.close();
    }

    private static final String DESCRIPTION = """
            <LoadBalancerDescriptions><member>
              <LoadBalancerName>web</LoadBalancerName>
              <DNSName>web-1.us-east-1.elb.amazonaws.com</DNSName>
              <Scheme>internal</Scheme>
              <AvailabilityZones><member>us-east-1b</member><member>us-east-1a</member></AvailabilityZones>
              <Subnets/><SecurityGroups/>
              <ListenerDescriptions>
                <member><Listener><Protocol>https</Protocol><LoadBalancerPort>443</LoadBalancerPort>
                  <InstanceProtocol>http</InstanceProtocol><InstancePort>8080</InstancePort>
                  <SSLCertificateId>arn:cert</SSLCertificateId></Listener>
                  <PolicyNames><member>z-ssl</member><member>a-sticky</member></PolicyNames></member>
                <member><Listener><Protocol>HTTP</Protocol><LoadBalancerPort>80</LoadBalancerPort>
                  <InstanceProtocol>HTTP</InstanceProtocol><InstancePort>8080</InstancePort></Listener>
                  <PolicyNames/></member>
              </ListenerDescriptions>
              <Policies>
                <LBCookieStickinessPolicies>
                  <member><PolicyName>a-sticky</PolicyName><CookieExpirationPeriod>60</CookieExpirationPeriod></member>
                  <member><PolicyName>session</PolicyName></member>
                </LBCookieStickinessPolicies>
                <AppCookieStickinessPolicies>
                  <member><PolicyName>app</PolicyName><CookieName>SESSIONID</CookieName></member>
                </AppCookieStickinessPolicies>
                <OtherPolicies><member>z-ssl</member></OtherPolicies>
              </Policies>
              <HealthCheck><Target>HTTP:8080/health</Target><Interval>30</Interval><Timeout>5</Timeout>
                <UnhealthyThreshold>2</UnhealthyThreshold><HealthyThreshold>10</HealthyThreshold></HealthCheck>
            </member></LoadBalancerDescriptions>""";

    @Test
    void aDescriptionIsNormalised() {
        stub.thenResult("DescribeLoadBalancers", DESCRIPTION + "<NextMarker>m2</NextMarker>");

        LoadBalancerPage page = port.describeLoadBalancers(null, 400);

        assertEquals("m2", page.nextMarker());
        ObservedLoadBalancer lb = page.loadBalancers().get(0);
        assertEquals("web", lb.name());
        assertEquals(Scheme.INTERNAL, lb.scheme());
        assertEquals(List.of("us-east-1a", "us-east-1b"), lb.availabilityZones());
        assertEquals(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of()), lb.listeners().get(0));
        // Protocols upper case; the policy list keeps AWS's order.
        assertEquals(new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, "arn:cert", List.of("z-ssl", "a-sticky")),
                lb.listeners().get(1));
        assertEquals(List.of(new LbCookiePolicy("a-sticky", 60), new AppCookiePolicy("app", "SESSIONID"),
                new LbCookiePolicy("session", 0)), lb.policies());
        assertEquals(List.of("z-ssl"), lb.otherPolicies());
        assertEquals("HTTP:8080/health", lb.healthCheck().target());
        assertEquals(10, lb.healthCheck().healthyThreshold());
        assertTrue(lb.tags().isEmpty());
        assertNull(lb.attributes());

        Map<String, String> sent = stub.requests.get(0);
        assertEquals("DescribeLoadBalancers", sent.get("Action"));
        assertEquals("400", sent.get("PageSize"));
        assertFalse(sent.containsKey("Marker"));
        assertEquals(new CallStats(1, 0, 0), port.stats());
    }

    @Test
    void anEmptyMarkerMeansTheLastPage() {
        stub.thenResult("DescribeLoadBalancers", "<LoadBalancerDescriptions/><NextMarker></NextMarker>");
        assertNull(port.describeLoadBalancers("m1", 10).nextMarker());
        assertEquals("m1", stub.requests.get(0).get("Marker"));
    }

    @Test
    void describingByNamesSendsThemAndNoNamesSendsNothing() {
        stub.thenResult("DescribeLoadBalancers", DESCRIPTION);
        assertEquals(List.of(), port.describeLoadBalancers(List.of()));
        assertEquals(0, stub.requests.size());
        port.describeLoadBalancers(List.of("web", "api"));
        assertEquals("web", stub.requests.get(0).get("LoadBalancerNames.member.1"));
        assertEquals("api", stub.requests.get(0).get("LoadBalancerNames.member.2"));
        assertThrows(IllegalArgumentException.class, () -> port.describeLoadBalancers(
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "lb" + i).toList()));
    }

    @Test
    void tagsAreReturnedForEveryNameAskedFor() {
        stub.thenResult("DescribeTags", """
                <TagDescriptions><member><LoadBalancerName>web</LoadBalancerName>
                <Tags><member><Key>team</Key><Value>web</Value></member><member><Key>bare</Key></member></Tags>
                </member></TagDescriptions>""");
        var tags = port.describeTags(List.of("web", "api"));
        assertEquals(Map.of("team", "web", "bare", ""), tags.get("web"));
        assertEquals(Map.of(), tags.get("api"));
    }

    @Test
    void attributesAreFilledWithDefaultsWhereAwsIsSilent() {
        stub.thenResult("DescribeLoadBalancerAttributes", """
                <LoadBalancerAttributes>
                  <CrossZoneLoadBalancing><Enabled>true</Enabled></CrossZoneLoadBalancing>
                  <ConnectionDraining><Enabled>false</Enabled><Timeout>300</Timeout></ConnectionDraining>
                  <AccessLog><Enabled>true</Enabled><S3BucketName>logs</S3BucketName><EmitInterval>5</EmitInterval></AccessLog>
                </LoadBalancerAttributes>""");
        assertEquals(new Attributes(true, new ConnectionDraining(false, 300), 60, new AccessLog(true, "logs", 5, null)),
                port.describeAttributes("web"));
    }

    @Test
    void writesSendTheModelAsAwsExpectsIt() {
        stub.thenResult("CreateLBCookieStickinessPolicy", "");
        port.write(new CreateLbCookiePolicy("web", "session", 0));
        port.write(new CreateLbCookiePolicy("web", "minute", 60));
        port.write(new SetListenerPolicies("web", 80, List.of()));
        port.write(new ModifyAttributes("web", new Attributes(null, null, 120, null)));

        assertFalse(stub.requests.get(0).containsKey("CookieExpirationPeriod"), "0 means absent (fact 7)");
        assertEquals("60", stub.requests.get(1).get("CookieExpirationPeriod"));
        assertEquals("", stub.requests.get(2).get("PolicyNames"), "an empty list still travels (fact 2)");
        Map<String, String> modify = stub.requests.get(3);
        assertEquals("120", modify.get("LoadBalancerAttributes.ConnectionSettings.IdleTimeout"));
        assertFalse(modify.keySet().stream().anyMatch(k -> k.contains("CrossZone")), "undeclared groups are not sent");
        assertEquals(new CallStats(0, 4, 0), port.stats());
    }

    /** One operation of each kind; the test below checks that they are all there. */
    private static List<Operation> oneOfEachOperation() {
        Listener http = new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of());
        return List.of(
                new CreateLoadBalancer("web", Scheme.INTERNAL, List.of(), List.of("subnet-1"), List.of("sg-1"), List.of(http),
                        new TreeMap<>(Map.of("team", "web"))),
                new DeleteLoadBalancer("web"), new CreateListener("web", http), new DeleteListener("web", 80),
                new SetListenerCertificate("web", 443, "arn:cert"), new CreateLbCookiePolicy("web", "lb", 60),
                new CreateAppCookiePolicy("web", "app", "SESSIONID"),
                new CreatePolicy("web", "ssl", "SSLNegotiationPolicyType", List.of(new PolicyAttribute("Protocol-TLSv1.2", "true"))),
                new DeletePolicy("web", "lb"), new SetListenerPolicies("web", 80, List.of("lb")),
                new ConfigureHealthCheck("web", HealthCheck.AWS_DEFAULT), new ModifyAttributes("web", new Attributes(null, null, 120, null)),
                new AddTags("web", new TreeMap<>(Map.of("env", "prod"))), new RemoveTags("web", List.of("team")),
                new ApplySecurityGroups("web", List.of("sg-2")), new AttachSubnets("web", List.of("subnet-2")),
                new DetachSubnets("web", List.of("subnet-1")), new EnableAvailabilityZones("web", List.of("us-east-1b")),
                new DisableAvailabilityZones("web", List.of("us-east-1a")),
                new SetBackendServerPolicies("web", 8443, List.of("auth")));
    }

    @Test
    void eachOperationIsSentAsTheAwsActionItsRowNames() {
        List<Operation> operations = oneOfEachOperation();
        assertEquals(Set.of(OperationKind.values()), operations.stream().map(OperationKind::of).collect(Collectors.toSet()),
                "one operation of every kind");
        operations.forEach(op -> stub.thenResult(op.awsOperation(), ""));
        operations.forEach(port::write);

        assertEquals(operations.stream().map(Operation::awsOperation).toList(),
                stub.requests.stream().map(r -> r.get("Action")).toList(), "one request each, for the action the table names");
        for (Map<String, String> request : stub.requests) {
            assertEquals("web", request.containsKey("LoadBalancerName") ? request.get("LoadBalancerName")
                    : request.get("LoadBalancerNames.member.1"), "the load balancer travels: " + request);
        }
        assertEquals("internal", stub.requests.get(0).get("Scheme"));
        assertEquals("sg-1", stub.requests.get(0).get("SecurityGroups.member.1"));
        assertEquals("80", stub.requests.get(3).get("LoadBalancerPorts.member.1"));
        assertEquals("arn:cert", stub.requests.get(4).get("SSLCertificateId"));
        assertEquals("Protocol-TLSv1.2", stub.requests.get(7).get("PolicyAttributes.member.1.AttributeName"));
        assertEquals("team", stub.requests.get(13).get("Tags.member.1.Key"));
        assertEquals("us-east-1a", stub.requests.get(18).get("AvailabilityZones.member.1"));
        assertEquals("8443", stub.requests.get(19).get("InstancePort"));
        assertEquals("auth", stub.requests.get(19).get("PolicyNames.member.1"));
        assertEquals(new CallStats(0, operations.size(), 0), port.stats(), "each counted once, as a write");
    }

    @Test
    void anAwsErrorKeepsItsCodeStatusAndRequestId() {
        stub.thenError(400, "LoadBalancerNotFound", "There is no ACTIVE Load Balancer named 'web'");
        PortError error = assertThrows(PortError.class, () -> port.describeAttributes("web"));
        assertEquals(ErrorKind.LOAD_BALANCER_NOT_FOUND, error.kind());
        assertEquals("LoadBalancerNotFound", error.code());
        assertEquals(400, error.httpStatus());
        assertEquals("err-1", error.requestId(), "the request id of the error body");
        assertEquals("DescribeLoadBalancerAttributes", error.operation());
        assertEquals("There is no ACTIVE Load Balancer named 'web'", error.getMessage());
        assertEquals(new CallStats(1, 0, 0), port.stats(), "client errors are not retried");
    }

    @Test
    void policyErrorsAsAwsSendsThem() {
        stub.thenError(400, "DuplicatePolicyName", "Policy sticky already exists for my-load-balancer")
                .thenError(400, "TooManyPolicies", "Quota exceeded");
        PortError duplicate = assertThrows(PortError.class, () -> port.write(new CreateLbCookiePolicy("web", "sticky", 60)));
        assertEquals(ErrorKind.DUPLICATE_POLICY_NAME, duplicate.kind());
        assertEquals("CreateLBCookieStickinessPolicy: DuplicatePolicyName: Policy sticky already exists for my-load-balancer",
                duplicate.oneLine());
        PortError tooMany = assertThrows(PortError.class, () -> port.write(new CreateAppCookiePolicy("web", "app", "C")));
        assertEquals(ErrorKind.TOO_MANY_POLICIES, tooMany.kind());
        assertEquals("CreateAppCookieStickinessPolicy", tooMany.operation());
        assertEquals(new CallStats(0, 2, 0), port.stats());
    }

    @Test
    void rejectedCredentialsFailFast() {
        stub.thenError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        PortError error = assertThrows(PortError.class, () -> port.describeLoadBalancers(null, 400));
        assertEquals(ErrorKind.REJECTED, error.kind());
        assertEquals(403, error.httpStatus());
        assertEquals(1, stub.requests.size());
    }

    @Test
    void aNonXmlServerErrorIsStillRetryable() {
        stub.then(500, "<!doctype html><title>500 Internal Server Error</title>");
        PortError error = assertThrows(PortError.class, () -> port.write(new CreateLbCookiePolicy("web", "p", 1)));
        assertEquals(ErrorKind.RETRYABLE, error.kind());
        assertEquals(500, error.httpStatus());
        assertEquals(3, stub.requests.size());
    }

    @Test
    void missingCredentialsAreRejectedBeforeAnyRequest() {
        try (SdkElbPort noKeys = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(stub.url())
                .withProfile("elb-reconcile-no-such-profile"), Map.of())) {
            PortError error = assertThrows(PortError.class, () -> noKeys.describeLoadBalancers(null, 400));
            assertEquals(ErrorKind.REJECTED, error.kind());
            assertEquals(ErrorClassifier.MISSING_CREDENTIALS, error.code());
            assertTrue(error.getMessage().startsWith("no AWS credentials for the profile 'elb-reconcile-no-such-profile'"),
                    "the message names the profile asked for: " + error.getMessage());
        }
        assertEquals(0, stub.requests.size());
    }

    @Test
    void theConflictStatusIsKept() {
        stub.thenError(409, "InvalidConfigurationRequest", "You cannot delete policy [p] since it is enabled");
        PortError error = assertThrows(PortError.class, () -> port.write(new DeletePolicy("web", "p")));
        assertEquals(ErrorKind.INVALID_CONFIGURATION, error.kind());
        assertEquals(409, error.httpStatus());
    }

    @Test
    void serverErrorsAreRetriedThenSucceedAndCounted() {
        stub.thenError(500, "InternalFailure", "oops").thenError(503, "ServiceUnavailable", "busy")
                .thenResult("DescribeLoadBalancers", "<LoadBalancerDescriptions/>");
        assertEquals(List.of(), port.describeLoadBalancers(null, 400).loadBalancers());
        assertEquals(3, stub.requests.size());
        assertEquals(new CallStats(1, 0, 2), port.stats());
    }

    @Test
    void throttlingIsRetried() {
        stub.thenError(400, "Throttling", "Rate exceeded").thenResult("DescribeTags", "<TagDescriptions/>");
        port.describeTags(List.of("web"));
        assertEquals(new CallStats(1, 0, 1), port.stats());
    }

    @Test
    void whenRetriesRunOutTheErrorIsRetryable() {
        stub.thenError(500, "InternalFailure", "still broken");
        PortError error = assertThrows(PortError.class, () -> port.write(new DeleteLoadBalancer("web")));
        assertEquals(ErrorKind.RETRYABLE, error.kind());
        assertEquals("InternalFailure", error.code());
        assertEquals(3, stub.requests.size(), "maxAttempts bounds the attempts");
        assertEquals(new CallStats(0, 1, 2), port.stats());
    }

    @Test
    void anUnreachableEndpointIsAConnectionFailure() {
        String url = stub.url();
        stub.close();
        try (SdkElbPort gone = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(url).withMaxAttempts(2), Map.of())) {
            PortError error = assertThrows(PortError.class, () -> gone.describeLoadBalancers(null, 400));
            assertEquals(ErrorKind.RETRYABLE, error.kind());
            assertEquals(ErrorClassifier.CONNECTION_FAILURE, error.code());
            assertEquals(0, error.httpStatus());
            assertNull(error.requestId());
        }
    }

    @Test
    void everyAttemptRetriesIncludedWaitsForTheRateLimit() {
        // A frozen clock and a sleeper that only records: one request a second, no burst.
        java.util.List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        TokenBucket bucket = new TokenBucket(1, 1, () -> 0L, waits::add);
        stub.thenError(500, "InternalFailure", "once").thenResult("DescribeTags", "<TagDescriptions/>");
        try (SdkElbPort limited = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(stub.url()), Map.of(), bucket)) {
            limited.describeTags(List.of("a"));
            limited.describeTags(List.of("b"));
            assertEquals(new CallStats(2, 0, 1), limited.stats());
        }
        long second = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        assertEquals(List.of(second, 2 * second), waits, "three attempts: the first free, then one a second");
    }

    @Test
    void theRateLimitComesFromTheSettings() {
        stub.thenResult("DescribeTags", "<TagDescriptions/>");
        try (SdkElbPort limited = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(stub.url())
                .withMaxRequestsPerSecond(1000), Map.of())) {
            limited.describeTags(List.of("a"));
            assertEquals(new CallStats(1, 0, 0), limited.stats());
        }
    }

    @Test
    void theTargetIsKnownWithoutAnyCall() {
        assertEquals(stub.url(), port.target().endpoint());
        assertEquals(0, stub.requests.size());
    }

    @Test
    void concurrentCallsAreEachCountedOnce() throws Exception {
        stub.thenResult("DescribeTags", "<TagDescriptions/>");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> port.describeTags(List.of("lb" + i)))).toList();
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(new CallStats(40, 0, 0), port.stats());
        assertEquals(40, stub.requests.size());
    }
}
