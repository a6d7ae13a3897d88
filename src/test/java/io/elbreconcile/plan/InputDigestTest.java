package io.elbreconcile.plan;

import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.IgnoreChanges;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.StickinessPolicy;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The input digest is canonical: it follows the desired state's meaning, not Java's names or orders. */
class InputDigestTest {

    private static final Listener HTTPS = new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, "arn:cert", List.of("sticky"));
    private static final Listener HTTP = new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of());
    private static final Attributes ATTRIBUTES = new Attributes(true, new ConnectionDraining(true, 300), 60,
            new AccessLog(true, "logs", 5, "web"));
    private static final HealthCheck CHECK = new HealthCheck("HTTP:8080/health", 30, 5, 3, 2);

    private static DesiredLoadBalancer web(Scheme scheme, List<String> zones, List<String> subnets, List<String> groups,
                                           List<Listener> listeners, HealthCheck check, Attributes attributes,
                                           Map<String, String> tags, boolean protect, List<ManagedPolicy> policies) {
        return new DesiredLoadBalancer("web", scheme, zones, subnets, groups, listeners, check, attributes, new TreeMap<>(tags),
                protect, policies);
    }

    private static DesiredLoadBalancer base() {
        return web(Scheme.INTERNET_FACING, List.of("us-east-1a", "us-east-1b"), List.of(), List.of("sg-1"), List.of(HTTP, HTTPS),
                CHECK, ATTRIBUTES, Map.of("team", "shop", "env", "prod"), false, List.of(new LbCookiePolicy("sticky", 60)));
    }

    private static final PolicyAttachment ATTACHMENT = new PolicyAttachment("legacy", new AppCookiePolicy("app", "JSESSIONID"),
            List.of(80), true);

    private static String digest(DesiredLoadBalancer lb, List<PolicyAttachment> attachments) {
        return InputDigest.of(new DesiredState(new TreeMap<>(Map.of(lb.name(), lb)), attachments, new TreeMap<>()));
    }

    @Test
    void equalStatesDigestEquallyWhateverOrderTheyWereBuiltIn() {
        DesiredLoadBalancer shuffled = web(Scheme.INTERNET_FACING, List.of("us-east-1b", "us-east-1a"), List.of(), List.of("sg-1"),
                List.of(HTTPS, HTTP), CHECK, ATTRIBUTES, new LinkedHashMap<>(Map.of("env", "prod", "team", "shop")), false,
                List.of(new LbCookiePolicy("sticky", 60)));
        assertEquals(digest(base(), List.of(ATTACHMENT)), digest(shuffled, List.of(ATTACHMENT)));
    }

    @Test
    void whereThingsWereDeclaredDoesNotCount() {
        DesiredState here = new DesiredState(new TreeMap<>(Map.of("web", base())), List.of(),
                new TreeMap<>(Map.of(Address.loadBalancer("web"), new SourceLocation("a.yaml", 1, 1))));
        DesiredState there = new DesiredState(new TreeMap<>(Map.of("web", base())), List.of(),
                new TreeMap<>(Map.of(Address.loadBalancer("web"), new SourceLocation("b.yaml", 9, 3))));
        assertEquals(InputDigest.of(here), InputDigest.of(there));
    }

    @Test
    void everyFieldCounts() {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("base", digest(base(), List.of()));
        DesiredLoadBalancer b = base();
        Map<String, DesiredLoadBalancer> variants = new LinkedHashMap<>();
        variants.put("scheme", web(Scheme.INTERNAL, b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("zones", web(b.scheme(), List.of("us-east-1a"), b.subnets(), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("subnets", web(b.scheme(), List.of(), List.of("subnet-1"), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("subnets and zones swapped", web(b.scheme(), List.of(), b.availabilityZones(), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("security groups", web(b.scheme(), b.availabilityZones(), b.subnets(), List.of(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("listener protocol", withListener(new Listener(Protocol.TCP, 80, Protocol.HTTP, 8080, null, List.of())));
        variants.put("listener port", withListener(new Listener(Protocol.HTTP, 81, Protocol.HTTP, 8080, null, List.of())));
        variants.put("instance protocol", withListener(new Listener(Protocol.HTTP, 80, Protocol.TCP, 8080, null, List.of())));
        variants.put("instance port", withListener(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8081, null, List.of())));
        variants.put("listener policies", withListener(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky"))));
        variants.put("certificate", web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(),
                List.of(HTTP, new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, "arn:other", List.of("sticky"))),
                CHECK, ATTRIBUTES, b.tags(), false, b.policies()));
        variants.put("no health check", withCheck(null));
        variants.put("health check target", withCheck(new HealthCheck("HTTP:8080/", 30, 5, 3, 2)));
        variants.put("health check interval", withCheck(new HealthCheck("HTTP:8080/health", 31, 5, 3, 2)));
        variants.put("health check timeout", withCheck(new HealthCheck("HTTP:8080/health", 30, 6, 3, 2)));
        variants.put("healthy threshold", withCheck(new HealthCheck("HTTP:8080/health", 30, 5, 4, 2)));
        variants.put("unhealthy threshold", withCheck(new HealthCheck("HTTP:8080/health", 30, 5, 3, 3)));
        variants.put("cross zone", withAttributes(new Attributes(false, new ConnectionDraining(true, 300), 60, ATTRIBUTES.accessLog())));
        variants.put("cross zone undeclared", withAttributes(new Attributes(null, new ConnectionDraining(true, 300), 60, ATTRIBUTES.accessLog())));
        variants.put("draining", withAttributes(new Attributes(true, new ConnectionDraining(false, 300), 60, ATTRIBUTES.accessLog())));
        variants.put("draining timeout", withAttributes(new Attributes(true, new ConnectionDraining(true, 301), 60, ATTRIBUTES.accessLog())));
        variants.put("idle timeout", withAttributes(new Attributes(true, new ConnectionDraining(true, 300), 61, ATTRIBUTES.accessLog())));
        variants.put("access log", withAccessLog(new AccessLog(false, "logs", 5, "web")));
        variants.put("access log bucket", withAccessLog(new AccessLog(true, "other", 5, "web")));
        variants.put("access log interval", withAccessLog(new AccessLog(true, "logs", 60, "web")));
        variants.put("access log prefix", withAccessLog(new AccessLog(true, "logs", 5, "api")));
        variants.put("tags", web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, Map.of("team", "shop", "env", "dev"), false, b.policies()));
        variants.put("protect", web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(),
                CHECK, ATTRIBUTES, b.tags(), true, b.policies()));
        variants.put("policy expiration", withPolicy(new LbCookiePolicy("sticky", 61)));
        variants.put("policy name", withPolicy(new LbCookiePolicy("sticky-2", 60)));
        variants.put("policy kind", withPolicy(new AppCookiePolicy("sticky", "60")));
        variants.put("ignoreChanges", new DesiredLoadBalancer(b.name(), b.scheme(), b.availabilityZones(), b.subnets(),
                b.securityGroups(), b.listeners(), b.healthCheck(), b.attributes(), b.tags(), b.protect(), b.policies(),
                IgnoreChanges.of(List.of("healthCheck.interval"))));
        variants.put("backend servers declared empty", b.withBackendServers(List.of()));
        variants.put("backend server port", b.withBackendServers(List.of(new BackendServer(8080, List.of()))));
        variants.put("backend server policies", b.withBackendServers(List.of(new BackendServer(8080, List.of("sticky")))));
        variants.forEach((what, lb) -> digests.put(what, digest(lb, List.of())));
        digests.put("attachment", digest(base(), List.of(ATTACHMENT)));
        digests.put("settings", InputDigest.of(new DesiredState(new TreeMap<>(Map.of("web", base())), List.of(), new TreeMap<>(),
                new Settings(List.of(new Glob("CostCenter"))))));
        digests.put("attachment ports", digest(base(), List.of(new PolicyAttachment("legacy", ATTACHMENT.policy(), List.of(80, 443), true))));
        digests.put("attachment absent", digest(base(), List.of(new PolicyAttachment("legacy", ATTACHMENT.policy(), List.of(80), false))));
        digests.put("attachment cookie", digest(base(), List.of(new PolicyAttachment("legacy", new AppCookiePolicy("app", "SID"),
                List.of(80), true))));
        digests.put("attachment load balancer", digest(base(), List.of(new PolicyAttachment("other", ATTACHMENT.policy(), List.of(80), true))));
        Map<String, String> seen = new LinkedHashMap<>();
        digests.forEach((what, digest) -> {
            String same = seen.put(digest, what);
            assertNull(same, () -> "'" + what + "' digests like '" + same + "': InputDigest leaves that field out");
        });
    }

    /** A component added to a record must be added to InputDigest and to the variants above. */
    @Test
    void theCanonicalFormCoversEveryComponent() {
        assertEquals(4, DesiredState.class.getRecordComponents().length, "DesiredState (origins are left out on purpose)");
        assertEquals(13, DesiredLoadBalancer.class.getRecordComponents().length, "DesiredLoadBalancer");
        assertEquals(6, Listener.class.getRecordComponents().length, "Listener");
        assertEquals(5, HealthCheck.class.getRecordComponents().length, "HealthCheck");
        assertEquals(4, Attributes.class.getRecordComponents().length, "Attributes");
        assertEquals(2, ConnectionDraining.class.getRecordComponents().length, "ConnectionDraining");
        assertEquals(4, AccessLog.class.getRecordComponents().length, "AccessLog");
        assertEquals(2, LbCookiePolicy.class.getRecordComponents().length, "LbCookiePolicy");
        assertEquals(2, AppCookiePolicy.class.getRecordComponents().length, "AppCookiePolicy");
        assertEquals(4, PolicyAttachment.class.getRecordComponents().length, "PolicyAttachment");
    }

    @Test
    void theDigestNamesItsAlgorithm() {
        String digest = digest(base(), List.of());
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        assertNotEquals(digest(base(), List.of()), InputDigest.of(DesiredState.empty()));
    }

    private static DesiredLoadBalancer withListener(Listener http) {
        DesiredLoadBalancer b = base();
        return web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), List.of(http, HTTPS), CHECK, ATTRIBUTES,
                b.tags(), false, b.policies());
    }

    private static DesiredLoadBalancer withCheck(HealthCheck check) {
        DesiredLoadBalancer b = base();
        return web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(), check, ATTRIBUTES,
                b.tags(), false, b.policies());
    }

    private static DesiredLoadBalancer withAttributes(Attributes attributes) {
        DesiredLoadBalancer b = base();
        return web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(), CHECK, attributes,
                b.tags(), false, b.policies());
    }

    private static DesiredLoadBalancer withAccessLog(AccessLog log) {
        return withAttributes(new Attributes(true, new ConnectionDraining(true, 300), 60, log));
    }

    private static DesiredLoadBalancer withPolicy(StickinessPolicy policy) {
        DesiredLoadBalancer b = base();
        return web(b.scheme(), b.availabilityZones(), b.subnets(), b.securityGroups(), b.listeners(), CHECK, ATTRIBUTES,
                b.tags(), false, List.of(policy));
    }
}
