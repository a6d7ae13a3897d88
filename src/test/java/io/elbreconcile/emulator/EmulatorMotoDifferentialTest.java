package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same SDK scenario against the emulator and against moto (written by others, so a shared
 * misreading of AWS is unlikely). Where moto agrees with AWS the observations must be equal;
 * where moto 5.2.1 is known to differ from AWS (reference section 7: it misses most checklist
 * items) the emulator is held to AWS on every run, moto or not, and moto's recorded answer is
 * checked only when moto is installed (the tests that need it are skipped, saying so, otherwise).
 */
@ExtendWith({EmulatorExtension.class, MotoServer.class})
class EmulatorMotoDifferentialTest {
    private static final String LB = "my-load-balancer";

    @Test
    void cookieStickinessScenarioIsObservedAlikeOnBoth(EmulatorServer emulator, MotoServer.Endpoint moto) {
        moto.reset();
        List<String> ours = agreedScenario(emulator.endpoint());
        List<String> theirs = agreedScenario(moto.uri());
        assertEquals(theirs, ours);
    }

    /**
     * One check of the divergent scenario: what AWS answers (the reference fact cited) and what
     * moto 5.2.1 answers instead. Outcomes are "ok" or "code/status", so both servers compare verbatim.
     */
    private record Divergence(String check, String aws, String moto521, String source) {
    }

    private static final List<Divergence> DIVERGENCES = List.of(
            new Divergence("identical create", "ok", "DuplicateLoadBalancerName/400", "fact 10"),
            new Divergence("name with underscore", "ValidationError/400", "ok", "fact 6"),
            new Divergence("policy type name", "LBCookieStickinessPolicyType", "LbCookieStickinessPolicy", "fact 7"),
            new Divergence("policy attributes", "[CookieExpirationPeriod=60]", "[]", "fact 7"),
            new Divergence("policy name reused", "DuplicatePolicyName/400", "ok", "fact 5"),
            new Divergence("cookie policy on TCP", "InvalidConfigurationRequest/409", "ok", "fact 3"),
            new Divergence("unknown policy name", "PolicyNotFound/400", "ok", "reference 6.2"),
            new Divergence("port without listener", "ListenerNotFound/400", "ok", "reference 6.2"),
            new Divergence("delete enabled policy", "InvalidConfigurationRequest/409", "ok", "fact 4"),
            new Divergence("policy on missing load balancer", "LoadBalancerNotFound/400", "null/500", "checklist 1"),
            new Divergence("page size 401", "ValidationError/400", "ok", "checklist 8"),
            new Divergence("draining timeout", "300", "null", "reference 6.4"),
            new Divergence("SSL negotiation type attributes", "94", "null/500",
                    "user guide elb-ssl-security-policy: 4 protocols, cipher order, 88 ciphers; and Reference-Security-Policy"),
            new Divergence("unknown SSL negotiation attribute", "InvalidConfigurationRequest/409", "ok",
                    "CreateLoadBalancerPolicy: InvalidConfigurationRequest; the type lists every name it takes"));

    /** The emulator's side needs no moto, so it is asserted on every run. */
    @Test
    void whereMotoDiffersTheEmulatorFollowsAws(EmulatorServer emulator) {
        Map<String, String> aws = new LinkedHashMap<>();
        DIVERGENCES.forEach(d -> aws.put(d.check(), d.aws()));
        assertEquals(aws, divergentScenario(emulator.endpoint()), "the emulator must answer as AWS does (see DIVERGENCES for the facts)");
    }

    /**
     * Moto's side, when moto is installed: each answer is either the recorded moto 5.2.1 one or
     * AWS's (a fixed moto must not break the build); anything else means the table above is stale.
     */
    @Test
    void motoAnswersAsRecordedOrAsAws(MotoServer.Endpoint moto) {
        moto.reset();
        Map<String, String> theirs = divergentScenario(moto.uri());
        assertEquals(DIVERGENCES.stream().map(Divergence::check).toList(), List.copyOf(theirs.keySet()));
        for (Divergence d : DIVERGENCES) {
            String answer = theirs.get(d.check());
            assertTrue(answer.equals(d.moto521()) || answer.equals(d.aws()), () -> d.check() + ": moto answered " + answer
                    + ", neither the recorded " + d.moto521() + " nor AWS's " + d.aws() + "; update DIVERGENCES");
        }
    }

    private static List<String> agreedScenario(URI endpoint) {
        List<String> seen = new ArrayList<>();
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(endpoint)) {
            createSeed(elb);
            elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("my-duration-cookie-policy").cookieExpirationPeriod(60L));
            elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("session-cookie"));
            elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("app-cookie").cookieName("JSESSIONID"));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames("my-duration-cookie-policy"));
            seen.add(observe(elb));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames("app-cookie"));
            seen.add(observe(elb));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames(List.of()));
            seen.add(observe(elb));
            elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("my-duration-cookie-policy"));
            seen.add(observe(elb));
            elb.addTags(r -> r.loadBalancerNames(LB).tags(Tag.builder().key("env").value("dev").build()));
            seen.add(elb.describeTags(r -> r.loadBalancerNames(LB)).tagDescriptions().toString());
            var attributes = elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(LB)).loadBalancerAttributes();
            seen.add("crossZone=" + attributes.crossZoneLoadBalancing().enabled() + " idle=" + attributes.connectionSettings().idleTimeout()
                    + " draining=" + attributes.connectionDraining().enabled() + " accessLog=" + attributes.accessLog().enabled());
            seen.add(outcome(() -> elb.describeLoadBalancers(r -> r.loadBalancerNames("missing"))));
            seen.add(outcome(() -> elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a")
                    .listeners(listener("HTTP", 80, 9090)))));
            seen.add(outcome(() -> elb.deleteLoadBalancer(r -> r.loadBalancerName(LB))));
            seen.add(outcome(() -> elb.deleteLoadBalancer(r -> r.loadBalancerName(LB))));
            seen.add(elb.describeLoadBalancers().loadBalancerDescriptions().toString());
        }
        return seen;
    }

    private static Map<String, String> divergentScenario(URI endpoint) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(endpoint)) {
            createSeed(elb);
            out.put("identical create", outcome(() -> createSeed(elb)));
            out.put("name with underscore", outcome(() -> elb.createLoadBalancer(r -> r.loadBalancerName("bad_name")
                    .availabilityZones("us-east-1a").listeners(listener("HTTP", 80, 80)))));
            elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName("p60").cookieExpirationPeriod(60L));
            // Without a PolicyNames filter: moto 5.2.1 cannot filter (it answers PolicyNotFound for "p60").
            var policy = elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(LB)).policyDescriptions().stream()
                    .filter(p -> p.policyName().equals("p60")).findFirst().orElseThrow();
            out.put("policy type name", policy.policyTypeName());
            out.put("policy attributes", policy.policyAttributeDescriptions().stream()
                    .map(a -> a.attributeName() + "=" + a.attributeValue()).toList().toString());
            out.put("policy name reused", outcome(() -> elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB)
                    .policyName("p60").cookieExpirationPeriod(60L))));
            out.put("cookie policy on TCP", outcome(() -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB)
                    .loadBalancerPort(9000).policyNames("p60"))));
            out.put("unknown policy name", outcome(() -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB)
                    .loadBalancerPort(80).policyNames("p60", "nope"))));
            out.put("port without listener", outcome(() -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB)
                    .loadBalancerPort(81).policyNames("p60"))));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames("p60"));
            out.put("delete enabled policy", outcome(() -> elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("p60"))));
            out.put("policy on missing load balancer", outcome(() -> elb.createLBCookieStickinessPolicy(r -> r
                    .loadBalancerName("missing").policyName("x"))));
            out.put("page size 401", outcome(() -> elb.describeLoadBalancers(r -> r.pageSize(401))));
            out.put("draining timeout", String.valueOf(elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(LB))
                    .loadBalancerAttributes().connectionDraining().timeout()));
            out.put("SSL negotiation type attributes", answer(() -> Integer.toString(elb.describeLoadBalancerPolicyTypes(r -> r
                    .policyTypeNames("SSLNegotiationPolicyType")).policyTypeDescriptions().get(0).policyAttributeTypeDescriptions().size())));
            out.put("unknown SSL negotiation attribute", outcome(() -> elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB)
                    .policyName("odd-tls").policyTypeName("SSLNegotiationPolicyType").policyAttributes(PolicyAttribute.builder()
                            .attributeName("kEDH+AESGCM").attributeValue("true").build()))));
        }
        return out;
    }

    /** What both servers report alike; DNS names and creation times are each server's own. */
    private static String observe(ElasticLoadBalancingClient elb) {
        List<String> out = new ArrayList<>();
        for (LoadBalancerDescription lb : elb.describeLoadBalancers().loadBalancerDescriptions()) {
            out.add(lb.loadBalancerName() + " " + lb.scheme() + " " + lb.availabilityZones());
            lb.listenerDescriptions().forEach(d -> out.add(d.listener().protocol() + ":" + d.listener().loadBalancerPort()
                    + "->" + d.listener().instanceProtocol() + ":" + d.listener().instancePort() + " " + d.policyNames()));
            out.add("lb-cookies " + lb.policies().lbCookieStickinessPolicies());
            out.add("app-cookies " + lb.policies().appCookieStickinessPolicies());
            out.add("others " + lb.policies().otherPolicies());
        }
        return String.join("\n", out);
    }

    private static String createSeed(ElasticLoadBalancingClient elb) {
        return elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a")
                .listeners(listener("HTTP", 80, 8080), listener("TCP", 9000, 9000))).dnsName();
    }

    private static Listener listener(String protocol, int port, int instancePort) {
        return Listener.builder().protocol(protocol).loadBalancerPort(port).instancePort(instancePort).build();
    }

    /** The answer, or the error as {@link #outcome} writes it. */
    private static String answer(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode() + "/" + e.statusCode();
        }
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode() + "/" + e.statusCode();
        }
    }
}
