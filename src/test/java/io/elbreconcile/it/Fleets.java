package io.elbreconcile.it;

import io.elbreconcile.testing.PublicKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.elbreconcile.testing.PolicyAttributes.attribute;

/**
 * Random fleets of Classic load balancers for property tests, within what AWS accepts, and their
 * construction through the SDK: every listener protocol, certificates, both cookie policy kinds
 * (on several listeners or none), SSL negotiation policies, proxy protocol and back-end
 * authentication (with its public key policy) on instance ports, health checks,
 * attributes, awkward names and tag values.
 */
public final class Fleets {

    private Fleets() {
    }

    public record ListenerSpec(String protocol, int port, String instanceProtocol, int instancePort, String certificate) {
        public boolean http() {
            return protocol.startsWith("HTTP");
        }
    }

    /** A cookie policy: app cookie when {@code cookieName} is set, else LB cookie ({@code period} null = none given). */
    public record PolicySpec(String name, Long period, String cookieName, int listenerMask) {
    }

    public record Health(String target, int interval, int timeout, int healthy, int unhealthy) {
    }

    public record Attrs(boolean crossZone, boolean draining, int drainingTimeout, int idleTimeout, boolean accessLog,
                 String prefix, int emitInterval) {
    }

    public record LbSpec(String name, boolean vpc, boolean internal, List<String> placement, List<String> securityGroups,
                  List<ListenerSpec> listeners, List<PolicySpec> policies, Health health, Attrs attributes,
                  Map<String, String> tags, boolean proxyProtocol) {
    }

    // ---- building the fleet through the SDK

    public static void build(ElasticLoadBalancingClient elb, LbSpec lb) {
        List<Listener> listeners = lb.listeners().stream().map(l -> Listener.builder().protocol(l.protocol())
                .loadBalancerPort(l.port()).instanceProtocol(l.instanceProtocol()).instancePort(l.instancePort())
                .sslCertificateId(l.certificate()).build()).toList();
        List<Tag> tags = lb.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        elb.createLoadBalancer(r -> {
            r.loadBalancerName(lb.name()).listeners(listeners);
            if (lb.vpc()) {
                r.subnets(lb.placement()).securityGroups(lb.securityGroups()).scheme(lb.internal() ? "internal" : "internet-facing");
            } else {
                r.availabilityZones(lb.placement());
            }
            if (!tags.isEmpty()) {
                r.tags(tags);
            }
        });
        Map<Integer, String> cookieOn = new HashMap<>();
        for (PolicySpec policy : lb.policies()) {
            if (policy.cookieName() != null) {
                elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName(lb.name()).policyName(policy.name())
                        .cookieName(policy.cookieName()));
            } else {
                elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(lb.name()).policyName(policy.name())
                        .cookieExpirationPeriod(policy.period()));
            }
            for (int i = 0; i < lb.listeners().size(); i++) {
                ListenerSpec listener = lb.listeners().get(i);
                if ((policy.listenerMask() & (1 << i)) != 0 && listener.http() && !cookieOn.containsKey(listener.port())) {
                    cookieOn.put(listener.port(), policy.name());
                }
            }
        }
        Map<Integer, List<String>> enabled = new HashMap<>();
        cookieOn.forEach((port, policy) -> enabled.computeIfAbsent(port, p -> new ArrayList<>()).add(policy));
        if (lb.proxyProtocol()) {
            // and an SSL negotiation policy, next to the cookie policy on every secure listener: a
            // reference, or (for names of odd length, so both forms turn up) explicit protocols and ciphers
            List<PolicyAttribute> negotiation = lb.name().length() % 2 == 0
                    ? List.of(attribute("Reference-Security-Policy", "ELBSecurityPolicy-TLS-1-2-2017-01"))
                    : List.of(attribute("Protocol-TLSv1.2", "true"), attribute("Server-Defined-Cipher-Order", "true"),
                            attribute("ECDHE-RSA-AES128-GCM-SHA256", "true"), attribute("AES128-SHA", "false"));
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb.name()).policyName("tls-negotiation")
                    .policyTypeName("SSLNegotiationPolicyType").policyAttributes(negotiation));
            lb.listeners().stream().filter(l -> l.certificate() != null)
                    .forEach(l -> enabled.computeIfAbsent(l.port(), p -> new ArrayList<>()).add(0, "tls-negotiation"));
        }
        enabled.forEach((port, policies) -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(lb.name())
                .loadBalancerPort(port).policyNames(policies)));
        if (lb.proxyProtocol()) {
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb.name()).policyName("proxy-protocol")
                    .policyTypeName("ProxyProtocolPolicyType")
                    .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build()));
            Map<Integer, List<String>> backends = new HashMap<>();
            backends.computeIfAbsent(lb.listeners().get(0).instancePort(), p -> new ArrayList<>()).add("proxy-protocol");
            // and back-end authentication (a public key policy named by an authentication policy) on the
            // first instance port reached over HTTPS or SSL, next to proxy protocol when it is the same port
            lb.listeners().stream().filter(l -> l.instanceProtocol().equals("HTTPS") || l.instanceProtocol().equals("SSL"))
                    .findFirst().ifPresent(secure -> {
                        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb.name()).policyName("backend-key")
                                .policyTypeName("PublicKeyPolicyType").policyAttributes(attribute("PublicKey", PublicKeys.FIRST)));
                        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb.name()).policyName("backend-auth")
                                .policyTypeName("BackendServerAuthenticationPolicyType")
                                .policyAttributes(attribute("PublicKeyPolicyName", "backend-key")));
                        backends.computeIfAbsent(secure.instancePort(), p -> new ArrayList<>()).add("backend-auth");
                    });
            backends.forEach((port, names) -> elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(lb.name())
                    .instancePort(port).policyNames(names)));
        }
        if (lb.health() != null) {
            Health h = lb.health();
            elb.configureHealthCheck(r -> r.loadBalancerName(lb.name()).healthCheck(c -> c.target(h.target())
                    .interval(h.interval()).timeout(h.timeout()).healthyThreshold(h.healthy()).unhealthyThreshold(h.unhealthy())));
        }
        if (lb.attributes() != null) {
            Attrs a = lb.attributes();
            elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(lb.name()).loadBalancerAttributes(b -> {
                b.crossZoneLoadBalancing(c -> c.enabled(a.crossZone()))
                        .connectionDraining(c -> c.enabled(a.draining()).timeout(a.drainingTimeout()))
                        .connectionSettings(c -> c.idleTimeout(a.idleTimeout()));
                if (a.accessLog()) {
                    b.accessLog(l -> l.enabled(true).s3BucketName("logs").s3BucketPrefix(a.prefix()).emitInterval(a.emitInterval()));
                }
            }));
        }
    }

    // ---- generators

    public static Arbitrary<List<LbSpec>> fleets() {
        return loadBalancer().list().ofMinSize(1).ofMaxSize(3).uniqueElements(lb -> lb.name().toLowerCase());
    }

    private static final List<String> TRICKY_NAMES = List.of("true", "null", "0755", "1e3", "4711", "yes", "No", "off", "x");
    private static final List<String> TRICKY_VALUES = List.of("", "true", "FALSE", "null", "4711", "0755", "1.0", "1e3", "-1",
            "+1", "a: b", "k=v", "@team", ":x", "x:", " spaced ", "Grüße", "y", ".5", "0x1F", "2026-11-25", "a/b/c");
    private static final List<String> CERTIFICATES = List.of(
            "arn:aws:iam::123456789012:server-certificate/web",
            "arn:aws:iam::123456789012:server-certificate/path/to/cert-2026",
            "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012");

    private static Arbitrary<String> lbName() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(32)
                .filter(s -> !s.startsWith("-") && !s.endsWith("-"));
        return Arbitraries.oneOf(plain, Arbitraries.of(TRICKY_NAMES));
    }

    private static Arbitrary<List<ListenerSpec>> listeners() {
        Arbitrary<ListenerSpec> kind = Combinators.combine(
                Arbitraries.of("HTTP", "HTTPS", "TCP", "SSL"),
                Arbitraries.integers().between(1, 65535), Arbitraries.of(CERTIFICATES)).as((protocol, instancePort, cert) -> {
            boolean http = protocol.startsWith("HTTP");
            // AWS: listeners sending to one instance port agree on a secure or a plain instance protocol.
            boolean secureBackend = instancePort % 2 == 0;
            String instanceProtocol = http ? (secureBackend ? "HTTPS" : "HTTP") : (secureBackend ? "SSL" : "TCP");
            boolean secure = protocol.equals("HTTPS") || protocol.equals("SSL");
            return new ListenerSpec(protocol, 0, instanceProtocol, instancePort, secure ? cert : null);
        });
        return Arbitraries.of(25, 80, 443, 465, 587, 1024, 5432, 8080, 8443, 65535).set().ofMinSize(1).ofMaxSize(4)
                .flatMap(ports -> kind.list().ofSize(ports.size()).map(kinds -> {
                    List<Integer> sorted = ports.stream().sorted().toList();
                    List<ListenerSpec> all = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        ListenerSpec k = kinds.get(i);
                        all.add(new ListenerSpec(k.protocol(), sorted.get(i), k.instanceProtocol(), k.instancePort(), k.certificate()));
                    }
                    return all;
                }));
    }

    private static Arbitrary<PolicySpec> policy() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(TRICKY_NAMES),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-").ofMinLength(1).ofMaxLength(20));
        Arbitrary<Long> period = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 60L, 86400L, 2_147_483_648L, Long.MAX_VALUE),
                Arbitraries.longs().between(1, 1_000_000)).injectNull(0.25);
        Arbitrary<String> cookieName = Arbitraries.of("JSESSIONID", "PHPSESSID", "true", "4711", "a.b-c_d", "session_id", "AWSALB").injectNull(0.5);
        return Combinators.combine(name, period, cookieName, Arbitraries.integers().between(0, 15)).as(PolicySpec::new);
    }

    private static Arbitrary<Health> health() {
        Arbitrary<String> target = Arbitraries.of("TCP:80", "TCP:5432", "HTTP:8080/health", "HTTP:80/", "HTTPS:443/status?x=1&y=2",
                "SSL:443", "HTTP:8080/a b", "HTTP:80/#frag");
        Arbitrary<Integer> interval = Arbitraries.integers().between(6, 300);
        return Combinators.combine(target, interval, Arbitraries.integers().between(2, 10), Arbitraries.integers().between(2, 10))
                .as((t, i, h, u) -> new Health(t, i, Math.min(5, i - 1), h, u));
    }

    private static Arbitrary<Attrs> attributes() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(1, 3600),
                Arbitraries.integers().between(1, 3600), Arbitraries.of(true, false),
                Arbitraries.of("", "elb", "elb/web", "a b", "4711"), Arbitraries.of(5, 60)).as(Attrs::new);
    }

    private static Arbitrary<Map<String, String>> tags() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("team", "Name", "cost-center", "true", "4711", "a:b", "with space",
                "elb-reconcile:stack", "elb-reconcile:protect", "Grüße", "k=v", "@x", "yes"));
        // Only "true" is a meaningful value of elb-reconcile:protect; plan removes any other (the importer says so).
        return Arbitraries.maps(key, Arbitraries.of(TRICKY_VALUES)).ofMaxSize(5)
                .map(tags -> {
                    Map<String, String> fixed = new HashMap<>(tags);
                    fixed.computeIfPresent("elb-reconcile:protect", (k, v) -> "true");
                    return fixed;
                });
    }

    private static Arbitrary<LbSpec> loadBalancer() {
        Arbitrary<List<String>> zones = Arbitraries.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d").set().ofMinSize(1)
                .ofMaxSize(3).map(s -> s.stream().sorted().toList());
        Arbitrary<List<String>> subnets = Arbitraries.of("subnet-0aa1", "subnet-0bb2", "subnet-0cc3", "subnet-0dd4").set().ofMinSize(1)
                .ofMaxSize(3).map(s -> s.stream().sorted().toList());
        Arbitrary<List<String>> groups = Arbitraries.of("sg-01", "sg-02", "sg-0abc").set().ofMaxSize(2).map(s -> s.stream().sorted().toList());
        Arbitrary<Boolean> vpc = Arbitraries.of(true, false);
        Arbitrary<List<PolicySpec>> policies = policy().list().ofMaxSize(3).uniqueElements(p -> p.name().toLowerCase());
        return Combinators.combine(lbName(), vpc, Arbitraries.of(true, false), zones, subnets, groups, listeners(), policies)
                .flatAs((name, inVpc, internal, z, s, g, ls, ps) -> Combinators.combine(
                        health().injectNull(0.3), attributes().injectNull(0.3), tags(), Arbitraries.of(true, false))
                        .as((h, a, t, proxy) -> new LbSpec(name, inVpc, inVpc && internal, inVpc ? s : z, inVpc ? g : List.of(),
                                ls, ps, h, a, t, proxy)));
    }
}
