package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.listener;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSL negotiation policies end to end against the emulator through the real SDK: both forms,
 * idempotence, the switch from AWS's default policy, the zero-gap replacement proven call by call,
 * and drift when someone puts a listener back on an older policy.
 */
@ExtendWith(EmulatorExtension.class)
class ApplySslNegotiationTest {

    private static final String LB = "shop";
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";
    private static final String TLS = "tls";

    @TempDir
    Path dir;

    static String https(int port, String sslPolicy, String... policies) {
        String listener = listener("HTTPS", port, "HTTP", 8080, CERT, policies);
        return sslPolicy == null ? listener : listener + "      sslPolicy: " + sslPolicy + "\n";
    }

    static String reference(String name, String reference) {
        return "apiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata:\n  name: " + name
                + "\nspec:\n  loadBalancer: " + LB + "\n  reference: " + reference + "\n";
    }

    static String explicit(String name, String protocols, String ciphers, boolean serverOrder) {
        return "apiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata:\n  name: " + name
                + "\nspec:\n  loadBalancer: " + LB + "\n  protocols: [" + protocols + "]\n  ciphers: [" + ciphers + "]\n"
                + "  serverOrderPreference: " + serverOrder + "\n";
    }

    private Path shop(String version, String tlsPolicy, int... ports) {
        List<String> listeners = new ArrayList<>();
        for (int port : ports) {
            listeners.add(https(port, TLS, "sticky"));
        }
        return write(dir.resolve(version), "shop.yaml",
                Harness.loadBalancer(LB, "", listeners.toArray(String[]::new)), tlsPolicy, Harness.lbCookie(LB, "sticky", 60));
    }

    @Test
    void aReferencePolicyIsCreatedSetOnTheListenerWithTheCookiePolicyAndThenLeftAlone(EmulatorServer emulator) {
        Path input = shop("v1", reference(TLS, "ELBSecurityPolicy-TLS-1-2-2017-01"), 443);
        Harness.Result first = apply(emulator, input);

        assertEquals(0, first.code(), first.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of(TLS, "sticky"), listenerPolicies(elb, LB, 443), "one list call: the declared SSL policy replaced AWS's default");
        Map<String, String> tls = policies(elb, LB).get(TLS);
        assertEquals("SSLNegotiationPolicyType", tls.get("type"));
        assertEquals("ELBSecurityPolicy-TLS-1-2-2017-01", tls.get("Reference-Security-Policy"));
        assertEquals("false", tls.get("Protocol-TLSv1"), "AWS expands the reference: TLS 1.0 is off");
        long writes = emulator.mutatingCallCount();
        assertEquals(0, apply(emulator, input).code());
        assertEquals(writes, emulator.mutatingCallCount(), "the second apply wrote nothing");
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
    }

    @Test
    void anExplicitPolicySendsOneAttributePerProtocolAndCipherAndConverges(EmulatorServer emulator) {
        Path input = shop("v1", explicit(TLS, "TLSv1.2, TLSv1.1", "ECDHE-RSA-AES128-GCM-SHA256, AES128-SHA", false), 443);

        assertEquals(0, apply(emulator, input).code());

        Map<String, String> tls = policies(sdk(emulator), LB).get(TLS);
        assertEquals(Map.of("type", "SSLNegotiationPolicyType", "Protocol-TLSv1.1", "true", "Protocol-TLSv1.2", "true",
                "Server-Defined-Cipher-Order", "false", "ECDHE-RSA-AES128-GCM-SHA256", "true", "AES128-SHA", "true"), tls);
        long writes = emulator.mutatingCallCount();
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
        assertEquals(0, apply(emulator, input).code());
        assertEquals(writes, emulator.mutatingCallCount());
    }

    /** Names beyond AWS's table of predefined policies (SSL 3.0, DHE-RSA-AES256-SHA256, RC4-SHA) are AWS's too. */
    @Test
    void aPolicyWithAnOldProtocolAndCiphersOutsideThePredefinedTableAppliesAndConverges(EmulatorServer emulator) {
        Path input = shop("v1", explicit(TLS, "SSLv3, TLSv1.2", "DHE-RSA-AES256-SHA256, RC4-SHA, ECDHE-RSA-AES128-GCM-SHA256", true), 443);

        Harness.Result first = apply(emulator, input);

        assertEquals(0, first.code(), first.both());
        Map<String, String> tls = policies(sdk(emulator), LB).get(TLS);
        assertEquals(Map.of("type", "SSLNegotiationPolicyType", "Protocol-SSLv3", "true", "Protocol-TLSv1.2", "true",
                "Server-Defined-Cipher-Order", "true", "DHE-RSA-AES256-SHA256", "true", "RC4-SHA", "true",
                "ECDHE-RSA-AES128-GCM-SHA256", "true"), tls);
        assertEquals(List.of(TLS, "sticky"), listenerPolicies(sdk(emulator), LB, 443));
        long writes = emulator.mutatingCallCount();
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
        assertEquals(0, apply(emulator, input).code());
        assertEquals(writes, emulator.mutatingCallCount(), "converged: the second apply wrote nothing");
    }

    @Test
    void aListenerWithoutSslPolicyKeepsWhatItHas(EmulatorServer emulator) {
        Path input = write(dir.resolve("v1"), "shop.yaml", Harness.loadBalancer(LB, "", https(443, null, "sticky")),
                Harness.lbCookie(LB, "sticky", 60));

        assertEquals(0, apply(emulator, input).code());

        assertEquals(List.of("ELBSecurityPolicy-2016-08", "sticky"), listenerPolicies(sdk(emulator), LB, 443));
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
    }

    /**
     * After every call the apply makes, each HTTPS listener names exactly one SSL negotiation policy
     * that exists, and its cookie policy; at parallelism 1 and 8, and with the direct strategy too
     * (which never applies to SSL policies: an HTTPS listener is never without one).
     */
    @ParameterizedTest(name = "parallelism {0} {1}")
    @CsvSource({"1, zero-gap", "8, zero-gap", "8, direct"})
    void changingTheReferenceReplacesThePolicyWithoutAMomentWithoutOne(int parallelism, String strategy, EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", reference(TLS, "ELBSecurityPolicy-2016-08"), 443, 8443)).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        SslReplay replay = new SslReplay(policies(elb, LB));
        replay.lists.put(443, listenerPolicies(elb, LB, 443));
        replay.lists.put(8443, listenerPolicies(elb, LB, 8443));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, shop("v2", reference(TLS, "ELBSecurityPolicy-TLS-1-2-2017-01"), 443, 8443),
                "--parallelism", Integer.toString(parallelism), "--replace-strategy", strategy);

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("DeleteLoadBalancerPolicy")), "it was replaced");
        assertEquals("ELBSecurityPolicy-TLS-1-2-2017-01", policies(elb, LB).get(TLS).get("Reference-Security-Policy"));
        assertEquals(List.of(TLS, "sticky"), listenerPolicies(elb, LB, 443));
        assertEquals(List.of(TLS, "sticky"), listenerPolicies(elb, LB, 8443));
        assertTrue(policies(elb, LB).keySet().stream().noneMatch(name -> name.contains(Harness.TMP_MARK)), "temporary policy gone");
    }

    /** The replay can fail: a listener list without an SSL policy is seen. */
    @Test
    void theReplaySeesAListenerLeftWithoutAnSslPolicy(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", reference(TLS, "ELBSecurityPolicy-2016-08"), 443)).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        SslReplay replay = new SslReplay(policies(elb, LB));
        replay.lists.put(443, listenerPolicies(elb, LB, 443));
        int from = emulator.callLog().size();
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(443).policyNames("sticky"));

        assertEquals(1, replay.gaps(callsSince(emulator, from)).size());
    }

    @Test
    void driftSeesAListenerPutBackOnTlsOneZeroAndAPolicyRecreatedWithOtherSettings(EmulatorServer emulator) {
        Path input = shop("v1", reference(TLS, "ELBSecurityPolicy-TLS-1-2-2017-01"), 443, 8443);
        assertEquals(0, apply(emulator, input).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(443)
                .policyNames("ELBSecurityPolicy-2016-08", "sticky"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(8443).policyNames("sticky"));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName(TLS));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName(TLS).policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(a -> a.attributeName("Reference-Security-Policy").attributeValue("ELBSecurityPolicy-2015-05")));

        Harness.Result drift = cli(concat(new String[] {"drift", input.toString()}, target(emulator)));

        assertEquals(2, drift.code(), drift.both());
        List<String> lines = drift.out().lines().filter(l -> l.contains("/" + LB)).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("changed") && l.contains("SSLNegotiationPolicy/shop/tls")), drift.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ListenerPolicies/shop/443")), drift.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ListenerPolicies/shop/8443")), drift.out());
        assertTrue(drift.out().contains("ELBSecurityPolicy-2015-05") && drift.out().contains("ELBSecurityPolicy-TLS-1-2-2017-01"),
                "before and after of the policy are shown: " + drift.out());

        assertEquals(0, apply(emulator, input).code());
        assertEquals(0, cli(concat(new String[] {"drift", input.toString()}, target(emulator))).code(), "apply brings it back");
        assertEquals(List.of(TLS, "sticky"), listenerPolicies(elb, LB, 443));
    }

    @Test
    void aSavedPlanAppliesAndGoesStaleWhenTheSslPolicyIsRecreatedWithOtherSettings(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", reference(TLS, "ELBSecurityPolicy-2016-08"), 443)).code());
        Path v2 = shop("v2", reference(TLS, "ELBSecurityPolicy-TLS-1-2-2017-01"), 443);
        Path saved = dir.resolve("plan.json");
        Path stale = dir.resolve("stale.json");
        assertEquals(0, plan(emulator, v2, "--out", saved.toString()).code());
        assertEquals(0, plan(emulator, v2, "--out", stale.toString()).code());

        Harness.Result applied = cli(concat(new String[] {"apply", saved.toString(), "--auto-approve"}, target(emulator)));
        assertEquals(0, applied.code(), applied.both());
        assertEquals("ELBSecurityPolicy-TLS-1-2-2017-01", policies(sdk(emulator), LB).get(TLS).get("Reference-Security-Policy"));

        long writes = emulator.mutatingCallCount();
        Harness.Result refused = cli(concat(new String[] {"apply", stale.toString(), "--auto-approve"}, target(emulator)));
        assertEquals(1, refused.code(), refused.both());
        assertTrue(refused.err().contains("SSLNegotiationPolicy/shop/tls"), refused.both());
        assertEquals(writes, emulator.mutatingCallCount(), "a stale plan makes no call");
    }

    /** A load balancer with an SSL policy of its own costs one DescribeLoadBalancerPolicies; AWS's own policies none. */
    @Test
    void observingCostsOnePolicyCallOnlyForLoadBalancersWithTheirOwnSslPolicies(EmulatorServer emulator) {
        Path own = shop("v1", reference(TLS, "ELBSecurityPolicy-TLS-1-2-2017-01"), 443);
        assertEquals(0, apply(emulator, own).code());
        Path plain = write(dir.resolve("plain"), "plain.yaml", Harness.loadBalancer("plain", "", https(443, null)));
        assertEquals(0, apply(emulator, plain).code());

        int from = emulator.callLog().size();
        assertEquals(0, plan(emulator, own, "--detailed-exitcode").code());
        assertEquals(1, callsSince(emulator, from).stream().filter(c -> c.action().equals("DescribeLoadBalancerPolicies")).count());
        int next = emulator.callLog().size();
        assertEquals(0, plan(emulator, plain, "--detailed-exitcode").code());
        assertEquals(0, callsSince(emulator, next).stream().filter(c -> c.action().equals("DescribeLoadBalancerPolicies")).count(),
                "only ELBSecurityPolicy-2016-08 there: nothing to describe");
    }

    /** SSL policies, their names and what each HTTPS listener names, call by call. */
    static final class SslReplay extends CallReplay {
        final Set<String> existing = new TreeSet<>();
        final Set<String> ssl = new TreeSet<>();

        SslReplay(Map<String, Map<String, String>> policiesNow) {
            policiesNow.forEach((name, attributes) -> {
                existing.add(name);
                if (attributes.get("type").equals("SSLNegotiationPolicyType")) {
                    ssl.add(name);
                }
            });
        }

        @Override
        void play(RecordedCall call) {
            String name = call.parameters().get("PolicyName");
            switch (call.action()) {
                case "CreateLoadBalancerPolicy" -> {
                    existing.add(name);
                    if ("SSLNegotiationPolicyType".equals(call.parameters().get("PolicyTypeName"))) {
                        ssl.add(name);
                    }
                }
                case "CreateLBCookieStickinessPolicy", "CreateAppCookieStickinessPolicy" -> existing.add(name);
                case "DeleteLoadBalancerPolicy" -> existing.remove(name);
                case "SetLoadBalancerPoliciesOfListener" -> setList(call, "LoadBalancerPort");
                default -> {
                    // reads and other settings do not change what a listener negotiates
                }
            }
        }

        @Override
        void check(RecordedCall call, List<String> gaps) {
            lists.forEach((port, names) -> {
                long sslCount = names.stream().filter(ssl::contains).count();
                if (sslCount != 1 || !existing.containsAll(names) || !names.contains("sticky")) {
                    gaps.add("after " + call + ": listener " + port + " has " + names + " while " + existing + " exist");
                }
            });
        }
    }
}
