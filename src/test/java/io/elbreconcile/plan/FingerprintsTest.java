package io.elbreconcile.plan;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.SslNegotiationPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Fingerprints follow every observed component, and their text is spelled in this code, not by Java. */
class FingerprintsTest {

    private static final Listener HTTPS = new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, "arn:cert",
            List.of("sticky", "tls"));
    private static final Listener HTTP = new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of());
    private static final HealthCheck CHECK = new HealthCheck("HTTP:8080/", 30, 5, 3, 2);
    private static final Attributes ATTRIBUTES = new Attributes(true, new ConnectionDraining(true, 300), 60,
            new AccessLog(true, "logs", 5, "web"));
    private static final SslNegotiationPolicy TLS = new SslNegotiationPolicy("tls", null, List.of("TLSv1.2"),
            List.of("ECDHE-RSA-AES128-GCM-SHA256"), true);

    private static ObservedLoadBalancer base() {
        return new ObservedLoadBalancer("web", "web-1.elb.example", Scheme.INTERNET_FACING, List.of("us-east-1a"),
                List.of("subnet-1"), List.of("sg-1"), List.of(HTTP, HTTPS),
                List.of(new LbCookiePolicy("sticky", 60), TLS, new ProxyProtocolPolicy("proxy", true),
                        new PublicKeyPolicy("key", "MIIB"), new BackendAuthenticationPolicy("auth", List.of("key"))),
                List.of("ELBSecurityPolicy-2016-08"), CHECK, new TreeMap<>(Map.of("team", "a")), ATTRIBUTES,
                List.of(new BackendServer(8080, List.of("proxy"))));
    }

    private static SortedMap<String, String> fingerprints(ObservedLoadBalancer observed) {
        return Fingerprints.of(Map.of("web", observed), List.of("web"));
    }

    private static ObservedLoadBalancer with(ObservedLoadBalancer o, UnaryOperator<List<ManagedPolicy>> policies) {
        return new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(), o.subnets(),
                o.securityGroups(), o.listeners(), policies.apply(new ArrayList<>(o.policies())), o.otherPolicies(),
                o.healthCheck(), o.tags(), o.attributes(), o.backendServers());
    }

    private static List<ManagedPolicy> replace(List<ManagedPolicy> policies, ManagedPolicy replacement) {
        policies.removeIf(p -> p.name().equals(replacement.name()));
        policies.add(replacement);
        return policies;
    }

    /** One change of each observed component (and of each member of a nested one), by what it changes. */
    private static Map<String, ObservedLoadBalancer> everyComponentChangedAlone() {
        ObservedLoadBalancer o = base();
        Map<String, ObservedLoadBalancer> changed = new LinkedHashMap<>();
        changed.put("name", new ObservedLoadBalancer("web2", o.dnsName(), o.scheme(), o.availabilityZones(), o.subnets(),
                o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), o.healthCheck(), o.tags(),
                o.attributes(), o.backendServers()));
        changed.put("dnsName", new ObservedLoadBalancer(o.name(), "web-2.elb.example", o.scheme(), o.availabilityZones(),
                o.subnets(), o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), o.healthCheck(), o.tags(),
                o.attributes(), o.backendServers()));
        changed.put("scheme", new ObservedLoadBalancer(o.name(), o.dnsName(), Scheme.INTERNAL, o.availabilityZones(),
                o.subnets(), o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), o.healthCheck(), o.tags(),
                o.attributes(), o.backendServers()));
        changed.put("availabilityZones", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(),
                List.of("us-east-1a", "us-east-1b"), o.subnets(), o.securityGroups(), o.listeners(), o.policies(),
                o.otherPolicies(), o.healthCheck(), o.tags(), o.attributes(), o.backendServers()));
        changed.put("subnets", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                List.of("subnet-2"), o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), o.healthCheck(),
                o.tags(), o.attributes(), o.backendServers()));
        changed.put("securityGroups", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                o.subnets(), List.of(), o.listeners(), o.policies(), o.otherPolicies(), o.healthCheck(), o.tags(),
                o.attributes(), o.backendServers()));
        List<Listener> listenerChanges = List.of(
                new Listener(Protocol.TCP, 80, Protocol.HTTP, 8080, null, List.of()),
                new Listener(Protocol.HTTP, 81, Protocol.HTTP, 8080, null, List.of()),
                new Listener(Protocol.HTTP, 80, Protocol.TCP, 8080, null, List.of()),
                new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8081, null, List.of()),
                new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, "arn:other", List.of()),
                new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky")));
        for (int i = 0; i < listenerChanges.size(); i++) {
            changed.put("listener " + i, new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                    o.subnets(), o.securityGroups(), List.of(listenerChanges.get(i), HTTPS), o.policies(),
                    o.otherPolicies(), o.healthCheck(), o.tags(), o.attributes(), o.backendServers()));
        }
        changed.put("listener policy order", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(),
                o.availabilityZones(), o.subnets(), o.securityGroups(),
                List.of(HTTP, HTTPS.withPolicyNames(List.of("tls", "sticky"))), o.policies(), o.otherPolicies(),
                o.healthCheck(), o.tags(), o.attributes(), o.backendServers()));
        changed.put("cookie period", with(o, p -> replace(p, new LbCookiePolicy("sticky", 61))));
        changed.put("cookie kind", with(o, p -> replace(p, new AppCookiePolicy("sticky", "60"))));
        changed.put("ssl protocols", with(o, p -> replace(p, new SslNegotiationPolicy("tls", null,
                List.of("TLSv1.1", "TLSv1.2"), TLS.ciphers(), true))));
        changed.put("ssl ciphers", with(o, p -> replace(p, new SslNegotiationPolicy("tls", null, TLS.protocols(),
                List.of("AES128-SHA"), true))));
        changed.put("ssl server order", with(o, p -> replace(p, new SslNegotiationPolicy("tls", null, TLS.protocols(),
                TLS.ciphers(), false))));
        changed.put("ssl reference", with(o, p -> replace(p, SslNegotiationPolicy.ofReference("tls",
                "ELBSecurityPolicy-2016-08"))));
        changed.put("proxy protocol", with(o, p -> replace(p, new ProxyProtocolPolicy("proxy", false))));
        changed.put("public key", with(o, p -> replace(p, new PublicKeyPolicy("key", "MIIC"))));
        changed.put("backend authentication", with(o, p -> replace(p, new BackendAuthenticationPolicy("auth",
                List.of("key", "key2")))));
        changed.put("managed policy gone", with(o, p -> {
            p.removeIf(x -> x.name().equals("proxy"));
            return p;
        }));
        changed.put("otherPolicies", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                o.subnets(), o.securityGroups(), o.listeners(), o.policies(), List.of(), o.healthCheck(), o.tags(),
                o.attributes(), o.backendServers()));
        List<HealthCheck> checkChanges = List.of(new HealthCheck("TCP:8080", 30, 5, 3, 2),
                new HealthCheck("HTTP:8080/", 31, 5, 3, 2), new HealthCheck("HTTP:8080/", 30, 6, 3, 2),
                new HealthCheck("HTTP:8080/", 30, 5, 4, 2), new HealthCheck("HTTP:8080/", 30, 5, 3, 3));
        for (int i = 0; i < checkChanges.size(); i++) {
            changed.put("healthCheck " + i, new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(),
                    o.availabilityZones(), o.subnets(), o.securityGroups(), o.listeners(), o.policies(),
                    o.otherPolicies(), checkChanges.get(i), o.tags(), o.attributes(), o.backendServers()));
        }
        changed.put("no healthCheck", new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(), o.availabilityZones(),
                o.subnets(), o.securityGroups(), o.listeners(), o.policies(), o.otherPolicies(), null, o.tags(),
                o.attributes(), o.backendServers()));
        changed.put("tag value", o.withTags(new TreeMap<>(Map.of("team", "b"))));
        changed.put("tag key", o.withTags(new TreeMap<>(Map.of("owner", "a"))));
        List<Attributes> attributeChanges = List.of(
                new Attributes(false, ATTRIBUTES.connectionDraining(), 60, ATTRIBUTES.accessLog()),
                new Attributes(true, new ConnectionDraining(false, 300), 60, ATTRIBUTES.accessLog()),
                new Attributes(true, new ConnectionDraining(true, 301), 60, ATTRIBUTES.accessLog()),
                new Attributes(true, ATTRIBUTES.connectionDraining(), 61, ATTRIBUTES.accessLog()),
                new Attributes(true, ATTRIBUTES.connectionDraining(), 60, new AccessLog(false, "logs", 5, "web")),
                new Attributes(true, ATTRIBUTES.connectionDraining(), 60, new AccessLog(true, "logs2", 5, "web")),
                new Attributes(true, ATTRIBUTES.connectionDraining(), 60, new AccessLog(true, "logs", 60, "web")),
                new Attributes(true, ATTRIBUTES.connectionDraining(), 60, new AccessLog(true, "logs", 5, "web2")));
        for (int i = 0; i < attributeChanges.size(); i++) {
            changed.put("attributes " + i, o.withAttributes(attributeChanges.get(i)));
        }
        changed.put("attributes not read", o.withAttributes(null));
        changed.put("backend server port", o.withBackendServers(List.of(new BackendServer(8081, List.of("proxy")))));
        changed.put("backend server policies", o.withBackendServers(List.of(new BackendServer(8080,
                List.of("proxy", "auth")))));
        changed.put("no backend servers", o.withBackendServers(List.of()));
        return changed;
    }

    @Test
    void everyObservedComponentChangesAFingerprint() {
        SortedMap<String, String> before = fingerprints(base());
        everyComponentChangedAlone().forEach((what, changed) ->
                assertNotEquals(before, fingerprints(changed), what + " changed no fingerprint"));
    }

    @Test
    void equalObservationsHaveEqualFingerprintsWhateverTheOrderTheyWereReadIn() {
        ObservedLoadBalancer o = base();
        List<ManagedPolicy> reversed = new ArrayList<>(o.policies());
        java.util.Collections.reverse(reversed);
        ObservedLoadBalancer reordered = new ObservedLoadBalancer(o.name(), o.dnsName(), o.scheme(),
                List.of("us-east-1a"), List.of("subnet-1"), List.of("sg-1"), List.of(HTTPS, HTTP), reversed,
                o.otherPolicies(), o.healthCheck(), new TreeMap<>(o.tags()), o.attributes(), o.backendServers());
        assertEquals(fingerprints(o), fingerprints(reordered));
    }

    @Test
    void aDescriptionReadByNameMatchesOneWhosePoliciesWereDescribed() {
        // Apply re-reads by DescribeLoadBalancers alone: the non-cookie policies are then names only.
        ObservedLoadBalancer o = base();
        assertEquals(Fingerprints.ofDescription(o), Fingerprints.ofDescription(o.asDescribed()));
        assertEquals(Fingerprints.ofDescription(o), Fingerprints.ofDescription(o.withTags(new TreeMap<>())
                .withAttributes(null)), "tags and attributes have fingerprints of their own");
    }

    @Test
    void theTextIsPinned() {
        ObservedLoadBalancer small = new ObservedLoadBalancer("web", "web-1.elb.example", Scheme.INTERNAL,
                List.of("us-east-1a"), List.of(), List.of("sg-1"),
                List.of(new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, "arn:cert", List.of("sticky", "tls"))),
                List.of(new LbCookiePolicy("sticky", 60), new SslNegotiationPolicy("tls", null, List.of("TLSv1.2"),
                        List.of("AES128-SHA"), true)),
                List.of("other"), new HealthCheck("TCP:8080", 30, 5, 3, 2), new TreeMap<>(Map.of("team", "a\"b")),
                new Attributes(false, new ConnectionDraining(true, 300), 60, AccessLog.disabled()),
                List.of(new BackendServer(8080, List.of("proxy"))));
        assertEquals("{\"availabilityZones\":[\"us-east-1a\"],"
                        + "\"backendServers\":[{\"instancePort\":8080,\"policies\":[\"proxy\"]}],"
                        + "\"dnsName\":\"web-1.elb.example\","
                        + "\"healthCheck\":{\"healthyThreshold\":3,\"interval\":30,\"target\":\"TCP:8080\","
                        + "\"timeout\":5,\"unhealthyThreshold\":2},"
                        + "\"listeners\":[{\"certificate\":\"arn:cert\",\"instancePort\":8080,\"instanceProtocol\":\"HTTP\","
                        + "\"policies\":[\"sticky\",\"tls\"],\"port\":443,\"protocol\":\"HTTPS\"}],"
                        + "\"name\":\"web\",\"otherPolicies\":[\"other\",\"tls\"],"
                        + "\"policies\":[{\"cookieExpirationPeriod\":60,\"kind\":\"LBCookieStickinessPolicy\","
                        + "\"name\":\"sticky\"}],"
                        + "\"scheme\":\"internal\",\"securityGroups\":[\"sg-1\"],\"subnets\":[]}",
                Fingerprints.descriptionText(small));
        assertEquals("{\"team\":\"a\\\"b\"}", Fingerprints.tagsText(small));
        SortedMap<String, String> all = fingerprints(small);
        assertEquals(List.of("Attributes/web", "LoadBalancer/web", "SSLNegotiationPolicy/web/tls", "Tags/web"),
                List.copyOf(all.keySet()));
        assertEquals(Fingerprints.sha256("{\"accessLog\":{\"emitInterval\":null,\"enabled\":false,"
                + "\"s3BucketName\":null,\"s3BucketPrefix\":null},\"connectionDraining\":{\"enabled\":true,"
                + "\"timeout\":300},\"crossZoneLoadBalancing\":false,\"idleTimeout\":60}"), all.get("Attributes/web"));
        assertEquals(Fingerprints.sha256("{\"ciphers\":[\"AES128-SHA\"],\"kind\":\"SSLNegotiationPolicy\","
                + "\"name\":\"tls\",\"protocols\":[\"TLSv1.2\"],\"serverOrderPreference\":true}"),
                all.get("SSLNegotiationPolicy/web/tls"));
        assertEquals(Fingerprints.sha256(Fingerprints.descriptionText(small)), all.get("LoadBalancer/web"));
        assertEquals(Fingerprints.sha256(Fingerprints.tagsText(small)), all.get("Tags/web"));
    }

    @Test
    void anAbsentLoadBalancerIsFingerprintedAsAbsent() {
        assertEquals(Map.of("LoadBalancer/gone", Fingerprints.ABSENT), Fingerprints.of(Map.of(), List.of("gone")));
    }
}
