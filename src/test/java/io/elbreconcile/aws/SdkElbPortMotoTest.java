package io.elbreconcile.aws;

import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.testing.PublicKeys;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.ConfigureHealthCheck;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.RemoveTags;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import io.elbreconcile.testing.MotoServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK over HTTP against moto: writes through the port, read back normalised. */
@ExtendWith(MotoServer.class)
class SdkElbPortMotoTest {

    private static final List<Listener> LISTENERS = List.of(
            new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of()),
            new Listener(Protocol.TCP, 22, Protocol.TCP, 22, null, List.of()));

    private static SdkElbPort connect(MotoServer.Endpoint moto) {
        moto.reset();
        return SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(moto.uri().toString()), Map.of());
    }

    private static void createLoadBalancer(ElbPort port, String name) {
        port.write(new CreateLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(), LISTENERS,
                new TreeMap<>(Map.of("team", "web"))));
    }

    @Test
    void cookiePoliciesCreatedThroughThePortAreObservedNormalised(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "my-load-balancer");
            port.write(new CreateLbCookiePolicy("my-load-balancer", "my-duration-cookie-policy", 60));
            port.write(new CreateLbCookiePolicy("my-load-balancer", "session-cookie", 0));
            port.write(new CreateAppCookiePolicy("my-load-balancer", "app-cookie", "SESSIONID"));
            port.write(new SetListenerPolicies("my-load-balancer", 80, List.of("my-duration-cookie-policy")));

            ObservedLoadBalancer lb = port.describeLoadBalancers(List.of("my-load-balancer")).get(0);

            assertEquals(List.of(new AppCookiePolicy("app-cookie", "SESSIONID"),
                    new LbCookiePolicy("my-duration-cookie-policy", 60), new LbCookiePolicy("session-cookie", 0)),
                    lb.policies());
            assertEquals(List.of("my-duration-cookie-policy"), lb.listener(80).orElseThrow().policyNames());
            assertEquals(List.of(), lb.listener(22).orElseThrow().policyNames());
            assertEquals(Protocol.TCP, lb.listener(22).orElseThrow().protocol());
            assertEquals(List.of("us-east-1a"), lb.availabilityZones());
            assertFalse(lb.dnsName().isEmpty());

            assertEquals(Map.of("team", "web"), port.describeTags(List.of("my-load-balancer")).get("my-load-balancer"));
            assertEquals(new CallStats(2, 5, 0), port.stats());
        }
    }

    /** Proxy protocol and authentication policies travel as CreateLoadBalancerPolicy and come back typed, with the port lists. */
    @Test
    void backEndPoliciesWrittenThroughThePortAreObservedWithTheirPortLists(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "web");
            ProxyProtocolPolicy proxy = ProxyProtocolPolicy.enabled("proxy");
            PublicKeyPolicy key = new PublicKeyPolicy("key", PublicKeys.FIRST);
            BackendAuthenticationPolicy auth = new BackendAuthenticationPolicy("auth", List.of("key"));
            for (ManagedPolicy policy : List.<ManagedPolicy>of(proxy, key, auth)) {
                port.write(new CreatePolicy("web", policy.name(), policy.kind().awsTypeName(), policy.wireAttributes()));
            }
            port.write(new SetBackendServerPolicies("web", 22, List.of("proxy")));
            port.write(new SetBackendServerPolicies("web", 8443, List.of("auth")));
            port.write(new SetBackendServerPolicies("web", 8443, List.of()));

            ObservedLoadBalancer lb = port.describeLoadBalancers(List.of("web")).get(0)
                    .withDescribedPolicies(port.describePolicies("web"));

            assertEquals(List.of(new BackendServer(22, List.of("proxy"))), lb.backendServers(), "a cleared port is no port");
            assertEquals(List.of(auth, key, proxy), lb.policies());
        }
    }

    @Test
    void pagesFollowTheMarker(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            for (int i = 0; i < 5; i++) {
                createLoadBalancer(port, "lb-" + i);
            }
            LoadBalancerPage first = port.describeLoadBalancers(null, 2);
            assertEquals(2, first.loadBalancers().size());
            int seen = first.loadBalancers().size();
            String marker = first.nextMarker();
            while (marker != null) {
                LoadBalancerPage next = port.describeLoadBalancers(marker, 2);
                seen += next.loadBalancers().size();
                marker = next.nextMarker();
            }
            assertEquals(5, seen);
        }
    }

    @Test
    void healthCheckAttributesAndTagsRoundTrip(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "web");
            HealthCheck check = new HealthCheck("HTTP:8080/health", 15, 4, 3, 5);
            port.write(new ConfigureHealthCheck("web", check));
            port.write(new ModifyAttributes("web", new Attributes(true, new ConnectionDraining(true, 120), 90, null)));
            port.write(new AddTags("web", new TreeMap<>(Map.of("env", "prod"))));
            port.write(new RemoveTags("web", List.of("team")));

            assertEquals(check, port.describeLoadBalancers(List.of("web")).get(0).healthCheck());
            Attributes attributes = port.describeAttributes("web");
            assertEquals(true, attributes.crossZoneLoadBalancing());
            assertEquals(new ConnectionDraining(true, 120), attributes.connectionDraining());
            assertEquals(90, attributes.idleTimeout());
            assertFalse(attributes.accessLog().enabled());
            assertEquals(Map.of("env", "prod"), port.describeTags(List.of("web")).get("web"));
        }
    }

    @Test
    void listenersAndPoliciesCanBeRemoved(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "web");
            port.write(new CreateLbCookiePolicy("web", "p", 30));
            port.write(new SetListenerPolicies("web", 80, List.of("p")));
            port.write(new SetListenerPolicies("web", 80, List.of()));
            port.write(new DeletePolicy("web", "p"));
            port.write(new DeleteListener("web", 22));
            port.write(new CreateListener("web", new Listener(Protocol.HTTP, 8081, Protocol.HTTP, 9090, null, List.of())));

            ObservedLoadBalancer lb = port.describeLoadBalancers(List.of("web")).get(0);
            assertTrue(lb.policies().isEmpty());
            assertEquals(List.of(80, 8081), lb.listeners().stream().map(Listener::loadBalancerPort).toList());

            port.write(new DeleteLoadBalancer("web"));
            assertTrue(port.describeLoadBalancers(null, 400).loadBalancers().isEmpty());
        }
    }

    @Test
    void aMissingLoadBalancerIsLoadBalancerNotFound(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "web");
            // One unknown name fails the whole batch, known names included (reference 6.3).
            PortError error = assertThrows(PortError.class, () -> port.describeLoadBalancers(List.of("web", "no-such-lb")));
            assertEquals(ErrorKind.LOAD_BALANCER_NOT_FOUND, error.kind());
            assertEquals("LoadBalancerNotFound", error.code());
            assertEquals(400, error.httpStatus());
            assertEquals("DescribeLoadBalancers", error.operation());
            assertNotNull(error.requestId());

            PortError tags = assertThrows(PortError.class, () -> port.describeTags(List.of("no-such-lb")));
            assertEquals(ErrorKind.LOAD_BALANCER_NOT_FOUND, tags.kind());
            assertEquals(new CallStats(2, 1, 0), port.stats(), "not-found is never retried");
            // moto 5.2.1 answers writes to a missing load balancer with an HTML 500 instead
            // (reference section 7, item 1); the stub test covers what AWS does there.
        }
    }

    @Test
    void aSecondPolicyOfTheSameNameIsDuplicatePolicyName(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            createLoadBalancer(port, "web");
            port.write(new CreateLbCookiePolicy("web", "sticky", 60));
            PortError error;
            try {
                port.write(new CreateLbCookiePolicy("web", "sticky", 60));
                // AWS refuses a second policy of the same name (reference fact 5); moto 5.2.1 does not
                // (section 7, item 3). Follow AWS: the stub test asserts the mapping of its answer.
                Assumptions.abort("moto accepted a duplicate policy name, unlike AWS (reference fact 5)");
                return;
            } catch (PortError e) {
                error = e;
            }
            assertEquals(ErrorKind.DUPLICATE_POLICY_NAME, error.kind());
            assertEquals("DuplicatePolicyName", error.code());
            assertEquals(400, error.httpStatus());
            assertTrue(error.oneLine().startsWith("CreateLBCookieStickinessPolicy: DuplicatePolicyName: "));
        }
    }
}
