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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.members;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zero-gap proof: while a policy's attributes change, every listener that uses it names an
 * existing stickiness policy after every single call the apply makes, as the emulator recorded them.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyZeroGapTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";

    @TempDir
    Path dir;

    /** What the calls did to the policies and listener lists of one load balancer. */
    static final class Replay {
        final Set<String> policies = new TreeSet<>();
        final Map<Integer, List<String>> lists = new TreeMap<>();

        void play(RecordedCall call) {
            switch (call.action()) {
                case "CreateLBCookieStickinessPolicy", "CreateAppCookieStickinessPolicy", "CreateLoadBalancerPolicy" ->
                        policies.add(call.parameters().get("PolicyName"));
                case "DeleteLoadBalancerPolicy" -> policies.remove(call.parameters().get("PolicyName"));
                case "SetLoadBalancerPoliciesOfListener" ->
                        lists.put(Integer.parseInt(call.parameters().get("LoadBalancerPort")), members(call, "PolicyNames"));
                case "CreateLoadBalancerListeners", "DeleteLoadBalancerListeners", "DeleteLoadBalancer", "CreateLoadBalancer" ->
                        throw new AssertionError("a policy replacement touched listeners or the load balancer: " + call);
                default -> {
                    // reads, tags, health check: no effect on stickiness
                }
            }
        }

        /** Policies other than stickiness that must stay on a listener throughout (e.g. SSL negotiation). */
        final Map<Integer, List<String>> keptOn = new TreeMap<>();

        /** Empty when every listener names exactly one existing stickiness policy (and keeps the rest). */
        String gap() {
            for (Map.Entry<Integer, List<String>> list : lists.entrySet()) {
                List<String> kept = keptOn.getOrDefault(list.getKey(), List.of());
                List<String> sticky = list.getValue().stream().filter(name -> !kept.contains(name)).toList();
                if (sticky.size() != 1 || !policies.containsAll(list.getValue()) || !list.getValue().containsAll(kept)) {
                    return "listener " + list.getKey() + " has " + list.getValue() + " while the policies are " + policies;
                }
            }
            return "";
        }

        /** Plays every call, collecting each moment without stickiness. */
        List<String> gaps(List<RecordedCall> calls) {
            List<String> gaps = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                play(calls.get(i));
                String gap = gap();
                if (!gap.isEmpty()) {
                    gaps.add("after call " + i + " " + calls.get(i) + ": " + gap);
                }
            }
            return gaps;
        }
    }

    @Test
    void aChangeOfTypeUnderTheSameNameKeepsStickinessOn(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        Replay replay = new Replay();
        replay.policies.add(POLICY);
        replay.lists.put(80, List.of(POLICY));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "lb.yaml",
                Harness.loadBalancer(LB, "", Harness.http(80, 8080, POLICY)), Harness.appCookie(LB, POLICY, "SESSIONID")));

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(Map.of(POLICY, Map.of("type", "AppCookieStickinessPolicyType", "CookieName", "SESSIONID")), policies(elb, LB));
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
    }

    @Test
    void inAttachModeTheReplacementKeepsTheListenersOtherPolicies(EmulatorServer emulator) {
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones("us-east-1a").listeners(l -> l
                .protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080)
                .sslCertificateId("arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("legacy").policyName("tls-policy").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(a -> a.attributeName("Reference-Security-Policy").attributeValue("ELBSecurityPolicy-2016-08")));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("legacy").loadBalancerPort(443).policyNames("tls-policy"));
        String attach60 = Harness.lbCookie("legacy", "legacy-sticky", 60) + "  listenerPorts: [443]\n";
        String attach120 = Harness.lbCookie("legacy", "legacy-sticky", 120) + "  listenerPorts: [443]\n";
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "attach.yaml", attach60)).code());
        assertEquals(List.of("tls-policy", "legacy-sticky"), listenerPolicies(elb, "legacy", 443), "merged, not replaced");
        Replay replay = new Replay();
        replay.policies.addAll(policies(elb, "legacy").keySet());
        replay.lists.put(443, listenerPolicies(elb, "legacy", 443));
        replay.keptOn.put(443, List.of("tls-policy"));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "attach.yaml", attach120));

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        assertEquals(List.of("tls-policy", "legacy-sticky"), listenerPolicies(elb, "legacy", 443));
        // ELBSecurityPolicy-2016-08: AWS gave it to the listener at creation; the test then replaced it by tls-policy.
        assertEquals(List.of("ELBSecurityPolicy-2016-08", "legacy-sticky", "tls-policy"), List.copyOf(policies(elb, "legacy").keySet()));
        assertEquals("120", policies(elb, "legacy").get("legacy-sticky").get("CookieExpirationPeriod"));
    }

    @Test
    void switchingTheListenerToAnotherPolicyKeepsStickinessOn(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60, 81))).code());
        Replay replay = new Replay();
        replay.policies.add(POLICY);
        replay.lists.put(80, List.of(POLICY));
        replay.lists.put(81, List.of(POLICY));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "lb.yaml",
                Harness.loadBalancer(LB, "", Harness.http(80, 8080, "renamed"), Harness.http(81, 8080, "renamed")),
                Harness.lbCookie(LB, "renamed", 60)));

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of("renamed"), List.copyOf(policies(elb, LB).keySet()), "the old one is deleted, after the switch");
        assertEquals(List.of("renamed"), listenerPolicies(elb, LB, 80));
        assertEquals(List.of("renamed"), listenerPolicies(elb, LB, 81));
    }

    @Test
    void aLeftoverTemporaryPolicyWithOtherSettingsDoesNotGetInTheWay(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB).policyName(POLICY + Harness.TMP_MARK).cookieExpirationPeriod(5L));
        Replay replay = new Replay();
        replay.policies.addAll(List.of(POLICY, POLICY + Harness.TMP_MARK));
        replay.lists.put(80, List.of(POLICY));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "lb.yaml", quickstart(120)));

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")),
                policies(elb, LB), "replaced, and every temporary policy gone");
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
    }

    /** The check above can fail: the direct strategy (detach, delete, create, attach) has a gap, and it is seen. */
    @Test
    void theReplayDetectsTheGapOfTheDirectStrategy(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        Replay replay = new Replay();
        replay.policies.add(POLICY);
        replay.lists.put(80, List.of(POLICY));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "lb.yaml", quickstart(120)),
                "--replace-strategy", "direct");

        assertEquals(0, result.code(), result.both());
        List<String> gaps = new ArrayList<>();
        for (RecordedCall call : callsSince(emulator, from)) {
            replay.play(call);
            if (!replay.gap().isEmpty()) {
                gaps.add(replay.gap());
            }
        }
        assertFalse(gaps.isEmpty(), "the direct strategy detaches first, so there must be a gap");
        assertEquals("", replay.gap(), "and it ends with the policy back on");
    }

    @ParameterizedTest(name = "{0} listener(s) sharing the policy, parallelism {1}")
    @CsvSource({"1, 8", "2, 8", "2, 1", "3, 8"})
    void everyListenerNamesAnExistingPolicyAfterEveryCall(int listeners, int parallelism, EmulatorServer emulator) {
        int[] more = IntStream.range(1, listeners).map(i -> 80 + i).toArray();
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60, more))).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        Replay replay = new Replay();
        replay.policies.addAll(policies(elb, LB).keySet());
        replay.lists.put(80, listenerPolicies(elb, LB, 80));
        for (int port : more) {
            replay.lists.put(port, listenerPolicies(elb, LB, port));
        }
        assertEquals("", replay.gap(), "the starting point already has a gap");
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, write(dir.resolve("v2"), "lb.yaml", quickstart(120, more)),
                "--parallelism", Integer.toString(parallelism));

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            replay.play(calls.get(i));
            String gap = replay.gap();
            if (!gap.isEmpty()) {
                gaps.add("after call " + i + " " + calls.get(i) + ": " + gap);
            }
        }
        assertEquals(List.of(), gaps, () -> "stickiness gaps; the calls were:\n" + Harness.lines(calls.stream()));

        // The replacement really happened: the original name was deleted and re-created with 120.
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("DeleteLoadBalancerPolicy")
                && c.parameters().get("PolicyName").equals(POLICY)), Harness.actions(calls).toString());
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("CreateLBCookieStickinessPolicy")
                && c.parameters().get("PolicyName").equals(POLICY) && "120".equals(c.parameters().get("CookieExpirationPeriod"))));
        assertEquals(2L * listeners, calls.stream().filter(c -> c.action().equals("SetLoadBalancerPoliciesOfListener")).count(),
                "each listener swapped to the temporary policy and back, one call each");
        // The replay agrees with the world, and the world is what was asked for.
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")),
                policies(elb, LB));
        assertEquals(replay.policies, policies(elb, LB).keySet());
        replay.lists.forEach((port, list) -> assertEquals(list, listenerPolicies(elb, LB, port), "listener " + port));
        assertFalse(replay.lists.values().stream().anyMatch(l -> l.stream().anyMatch(n -> n.contains(Harness.TMP_MARK))));
    }
}
