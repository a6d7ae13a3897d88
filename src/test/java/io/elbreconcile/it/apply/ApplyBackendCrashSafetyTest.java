package io.elbreconcile.it.apply;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.TestSafeguards;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.elbreconcile.it.apply.ApplyBackendServerTest.auth;
import static io.elbreconcile.it.apply.ApplyBackendServerTest.backends;
import static io.elbreconcile.it.apply.ApplyBackendServerTest.key;
import static io.elbreconcile.it.apply.ApplyBackendServerTest.proxy;
import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.listener;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.planWith;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.port;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A back-end replacement killed after each of its mutating calls in turn: a new key (which replaces
 * the authentication policy naming it) and a proxy protocol policy someone re-created with
 * ProxyProtocol=false. Whatever the crash leaves, instance port 8443 authenticates with one policy
 * whose keys exist and 8080 sends a proxy header; the next ordinary apply converges with no gap,
 * removes every temporary policy and leaves nothing to plan.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyBackendCrashSafetyTest {

    private static final String LB = "shop";
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";
    private static final String BOTH = "    - instancePort: 8080\n      policies: [proxy]\n    - instancePort: 8443\n      policies: [auth]\n";
    /** Key and authentication policy through temporaries (10 calls), the proxy policy (6). */
    private static final int STEPS = 16;

    @TempDir
    Path dir;

    /** Crash after call k; the next apply carries the new key on, or goes back to the first one (reverted in Git). */
    static Stream<Arguments> crashPoints() {
        return IntStream.rangeClosed(1, STEPS).boxed()
                .flatMap(k -> Stream.of(Arguments.of(k, "new key"), Arguments.of(k, "reverted")));
    }

    private Path shop(String version, String publicKey) {
        String lb = Harness.loadBalancer(LB, "  backendServers:\n" + BOTH,
                listener("TCP", 80, "TCP", 8080, null), listener("SSL", 443, "SSL", 8443, CERT));
        return write(dir.resolve(version), "shop.yaml", lb, proxy("proxy"), key("key", publicKey), auth("auth", "key"));
    }

    @ParameterizedTest(name = "crash after mutating call {0}, then apply the {1}")
    @MethodSource("crashPoints")
    void theNextApplyConvergesAfterACrashAtAnyStep(int k, String next, EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", PublicKeys.FIRST)).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        proxyTurnedOffBehindTheToolsBack(elb);
        Path v2 = shop("v2", PublicKeys.SECOND);
        long mutatingBefore = emulator.mutatingCallCount();

        try (SdkElbPort port = port(emulator)) {
            Plan plan = planWith(port, v2, PlanOptions.defaults());
            assertEquals(STEPS, plan.steps().size(), () -> "the replacements' steps: " + plan.steps());
            CrashingPort crashing = new CrashingPort(port, k);
            Throwable crash = assertThrows(Throwable.class,
                    () -> new Applier(crashing, 1, ApplyListener.NONE, System::nanoTime).apply(plan, TestSafeguards.permitting(plan)));
            assertTrue(hasCause(crash, CrashingPort.SimulatedCrash.class), () -> "not the simulated crash: " + crash);
        }
        assertEquals(mutatingBefore + k, emulator.mutatingCallCount(), "exactly k mutating calls reached the emulator");
        assertEachPortHasItsPolicy(policies(elb, LB), backends(elb));
        ApplyBackendServerTest.BackendReplay replay = new ApplyBackendServerTest.BackendReplay(policies(elb, LB), backends(elb));
        int from = emulator.callLog().size();
        String publicKey = next.equals("new key") ? PublicKeys.SECOND : PublicKeys.FIRST;
        Path recovery = shop("next", publicKey);

        Harness.Result recovered = apply(emulator, recovery);

        assertEquals(0, recovered.code(), recovered.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        Map<String, Map<String, String>> after = policies(elb, LB);
        assertTrue(after.keySet().stream().noneMatch(name -> name.contains(Harness.TMP_MARK)), "left behind: " + after.keySet());
        assertEquals(publicKey, after.get("key").get("PublicKey"));
        assertEquals("true", after.get("proxy").get("ProxyProtocol"));
        assertEquals(Map.of(8080, List.of("proxy"), 8443, List.of("auth")), backends(elb));
        Harness.Result again = plan(emulator, recovery, "--detailed-exitcode");
        assertEquals(0, again.code(), again.both());
    }

    /** The check can fail: an authentication policy whose key is gone, or a port with nothing. */
    @Test
    void theCheckSeesAPortWithoutAWorkingPolicy() {
        Map<String, String> proxy = Map.of("type", "ProxyProtocolPolicyType", "ProxyProtocol", "true");
        Map<String, String> auth = Map.of("type", "BackendServerAuthenticationPolicyType", "PublicKeyPolicyName", "key");
        assertThrows(AssertionFailedError.class, () -> assertEachPortHasItsPolicy(Map.of("proxy", proxy, "auth", auth),
                Map.of(8080, List.of("proxy"), 8443, List.of("auth"))));
        assertThrows(AssertionFailedError.class, () -> assertEachPortHasItsPolicy(Map.of("proxy", proxy, "auth", auth,
                "key", Map.of("type", "PublicKeyPolicyType")), Map.of(8443, List.of("auth"))));
        assertEachPortHasItsPolicy(Map.of("proxy", proxy, "auth", auth, "key", Map.of("type", "PublicKeyPolicyType")),
                Map.of(8080, List.of("proxy"), 8443, List.of("auth")));
    }

    /** 8080 names one proxy protocol policy and 8443 one authentication policy whose key exists, all of them live. */
    static void assertEachPortHasItsPolicy(Map<String, Map<String, String>> live, Map<Integer, List<String>> ports) {
        String state = "after the crash: ports " + ports + ", policies " + live.keySet();
        List<String> on8080 = ports.getOrDefault(8080, List.of());
        assertEquals(1, on8080.size(), state);
        assertEquals("ProxyProtocolPolicyType", live.getOrDefault(on8080.get(0), Map.of()).get("type"), state);
        List<String> on8443 = ports.getOrDefault(8443, List.of());
        assertEquals(1, on8443.size(), state);
        Map<String, String> authentication = live.getOrDefault(on8443.get(0), Map.of());
        assertEquals("BackendServerAuthenticationPolicyType", authentication.get("type"), state);
        assertEquals("PublicKeyPolicyType", live.getOrDefault(authentication.get("PublicKeyPolicyName"), Map.of()).get("type"), state);
    }

    private static void proxyTurnedOffBehindTheToolsBack(ElasticLoadBalancingClient elb) {
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames(List.of()));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("false").build()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames("proxy"));
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
