package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.BackendServerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.describe;
import static io.elbreconcile.it.apply.Harness.listener;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proxy protocol and back-end authentication end to end against the emulator through the real
 * SDK: each kind converges and stays idempotent, a port list is authoritative when declared and
 * kept when not, removal detaches before it deletes, a new key replaces its authentication policy
 * with no moment without one (call by call, at parallelism 1 and 8), and drift sees each change once.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyBackendServerTest {

    private static final String LB = "shop";
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";

    @TempDir
    Path dir;

    static String proxy(String name) {
        return "apiVersion: elb-reconcile/v1\nkind: ProxyProtocolPolicy\nmetadata:\n  name: " + name + "\nspec:\n  loadBalancer: " + LB + "\n";
    }

    static String key(String name, String publicKey) {
        return "apiVersion: elb-reconcile/v1\nkind: PublicKeyPolicy\nmetadata:\n  name: " + name + "\nspec:\n  loadBalancer: " + LB
                + "\n  publicKey: " + publicKey + "\n";
    }

    static String auth(String name, String... keys) {
        return "apiVersion: elb-reconcile/v1\nkind: BackendServerAuthenticationPolicy\nmetadata:\n  name: " + name
                + "\nspec:\n  loadBalancer: " + LB + "\n  publicKeyPolicies: [" + String.join(", ", keys) + "]\n";
    }

    /** TCP 80 → 8080 with proxy protocol, SSL 443 → 8443 with back-end authentication; {@code backends} null: undeclared. */
    private Path shop(String version, String backends, String publicKey) {
        String lb = Harness.loadBalancer(LB, backends == null ? "" : "  backendServers:\n" + backends,
                listener("TCP", 80, "TCP", 8080, null), listener("SSL", 443, "SSL", 8443, CERT));
        return write(dir.resolve(version), "shop.yaml", lb, proxy("proxy"), key("key", publicKey), auth("auth", "key"));
    }

    private static final String BOTH = "    - instancePort: 8080\n      policies: [proxy]\n    - instancePort: 8443\n      policies: [auth]\n";

    static Map<Integer, List<String>> backends(ElasticLoadBalancingClient elb) {
        Map<Integer, List<String>> byPort = new TreeMap<>();
        for (BackendServerDescription b : describe(elb, LB).backendServerDescriptions()) {
            if (!b.policyNames().isEmpty()) {
                byPort.put(b.instancePort(), b.policyNames());
            }
        }
        return byPort;
    }

    @Test
    void proxyProtocolAndBackendAuthenticationAreCreatedEnabledAndThenLeftAlone(EmulatorServer emulator) {
        Path input = shop("v1", BOTH, PublicKeys.FIRST);

        Harness.Result first = apply(emulator, input);

        assertEquals(0, first.code(), first.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(Map.of(8080, List.of("proxy"), 8443, List.of("auth")), backends(elb));
        Map<String, Map<String, String>> policies = policies(elb, LB);
        assertEquals(Map.of("type", "ProxyProtocolPolicyType", "ProxyProtocol", "true"), policies.get("proxy"));
        assertEquals(Map.of("type", "PublicKeyPolicyType", "PublicKey", PublicKeys.FIRST), policies.get("key"));
        assertEquals(Map.of("type", "BackendServerAuthenticationPolicyType", "PublicKeyPolicyName", "key"), policies.get("auth"));
        long writes = emulator.mutatingCallCount();
        assertEquals(0, apply(emulator, input).code());
        assertEquals(writes, emulator.mutatingCallCount(), "the second apply wrote nothing");
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
    }

    @Test
    void withoutBackendServersTheLivePortListsStayAndAnEmptyListClearsThemBeforeDeleting(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", BOTH, PublicKeys.FIRST)).code());
        assertEquals(0, plan(emulator, shop("v2", null, PublicKeys.FIRST), "--detailed-exitcode").code(),
                "undeclared backendServers keep what the load balancer has");
        int from = emulator.callLog().size();
        Path none = write(dir.resolve("v3"), "shop.yaml", Harness.loadBalancer(LB, "  backendServers: []\n",
                listener("TCP", 80, "TCP", 8080, null), listener("SSL", 443, "SSL", 8443, CERT)));

        Harness.Result result = apply(emulator, none, "--parallelism", "8");

        assertEquals(0, result.code(), result.both());
        List<String> calls = callsSince(emulator, from).stream().filter(c -> !c.action().startsWith("Describe"))
                .map(c -> c.action() + " " + c.parameters().getOrDefault("PolicyName", c.parameters().getOrDefault("InstancePort", ""))).toList();
        assertTrue(calls.indexOf("SetLoadBalancerPoliciesForBackendServer 8443") < calls.indexOf("DeleteLoadBalancerPolicy auth"), calls::toString);
        assertTrue(calls.indexOf("DeleteLoadBalancerPolicy auth") < calls.indexOf("DeleteLoadBalancerPolicy key"), calls::toString);
        assertTrue(calls.indexOf("SetLoadBalancerPoliciesForBackendServer 8080") < calls.indexOf("DeleteLoadBalancerPolicy proxy"), calls::toString);
        assertEquals(Map.of(), backends(sdk(emulator)));
        assertEquals(List.of("ELBSecurityPolicy-2016-08"), List.copyOf(policies(sdk(emulator), LB).keySet()), "AWS's default on 443 stays");
        assertEquals(0, plan(emulator, none, "--detailed-exitcode").code());
    }

    /**
     * After every call the apply makes, port 8443 names exactly one back-end authentication policy
     * that exists and whose keys all exist, and port 8080 one proxy protocol policy that exists;
     * both policies are replaced (a new key, and a proxy policy someone re-created with
     * ProxyProtocol=false), at parallelism 1 and 8 and with the direct strategy too.
     */
    @ParameterizedTest(name = "parallelism {0} {1}")
    @CsvSource({"1, zero-gap", "8, zero-gap", "8, direct"})
    void aNewKeyAndAProxyPolicyTurnedOffAreReplacedWithoutAMomentWithoutThem(int parallelism, String strategy, EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", BOTH, PublicKeys.FIRST)).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames(List.of()));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("false").build()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames("proxy"));
        BackendReplay replay = new BackendReplay(policies(elb, LB), backends(elb));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, shop("v2", BOTH, PublicKeys.SECOND),
                "--parallelism", Integer.toString(parallelism), "--replace-strategy", strategy);

        assertEquals(0, result.code(), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        assertEquals(List.of(), replay.gaps(calls), () -> Harness.lines(calls.stream()));
        assertEquals(3, calls.stream().filter(c -> c.action().equals("DeleteLoadBalancerPolicy")
                && !c.parameters().get("PolicyName").contains(Harness.TMP_MARK)).count(), "key, auth and proxy replaced");
        Map<String, Map<String, String>> after = policies(elb, LB);
        assertEquals(PublicKeys.SECOND, after.get("key").get("PublicKey"));
        assertEquals("true", after.get("proxy").get("ProxyProtocol"));
        assertEquals(Map.of(8080, List.of("proxy"), 8443, List.of("auth")), backends(elb));
        assertTrue(after.keySet().stream().noneMatch(name -> name.contains(Harness.TMP_MARK)), "temporary policies gone: " + after.keySet());
        assertEquals(0, plan(emulator, shop("v2", BOTH, PublicKeys.SECOND), "--detailed-exitcode").code());
    }

    /**
     * AWS takes proxy protocol on an instance port reached over SSL but sends no header there (its
     * table of listener configurations): accepted, so a live load balancer like this imports and
     * converges, and every plan warns of it.
     */
    @Test
    void proxyProtocolOnAnSslBackEndIsAppliedWithAWarningInEveryPlan(EmulatorServer emulator) {
        Path input = shop("v1", "    - instancePort: 8080\n      policies: [proxy]\n    - instancePort: 8443\n      policies: [auth, proxy]\n",
                PublicKeys.FIRST);
        String warning = "! BackendServerPolicies/shop/8443 enables proxy protocol policy proxy, but its listeners reach the"
                + " instances over SSL, where AWS sends no proxy protocol header; use instanceProtocol TCP to get one";

        Harness.Result first = apply(emulator, input);

        assertEquals(0, first.code(), first.both());
        assertTrue(first.out().contains(warning), first.out());
        assertEquals(Map.of(8080, List.of("proxy"), 8443, List.of("auth", "proxy")), backends(sdk(emulator)));
        Harness.Result again = plan(emulator, input, "--detailed-exitcode");
        assertEquals(0, again.code(), again.both());
        assertTrue(again.out().contains(warning), again.out());
        assertTrue(!again.out().contains("BackendServerPolicies/shop/8080 enables"), "a TCP back end gets its header: " + again.out());
    }

    /** The replay can fail: a port left without its authentication policy is seen. */
    @Test
    void theReplaySeesAPortLeftWithoutItsAuthenticationPolicy(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", BOTH, PublicKeys.FIRST)).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        BackendReplay replay = new BackendReplay(policies(elb, LB), backends(elb));
        int from = emulator.callLog().size();
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8443).policyNames(List.of()));

        assertEquals(1, replay.gaps(callsSince(emulator, from)).size());
    }

    @Test
    void driftShowsEachChangeOnceAndApplyBringsItBack(EmulatorServer emulator) {
        Path input = shop("v1", BOTH, PublicKeys.FIRST);
        assertEquals(0, apply(emulator, input).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        // Removed from a port, added on another port, and the authentication policy deleted with its key re-created
        // with another key: one line each (8443 lacks only the missing policy, which has its own line).
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames(List.of()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(9090).policyNames("proxy"));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8443).policyNames(List.of()));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("auth"));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("key"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("key").policyTypeName("PublicKeyPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("PublicKey").attributeValue(PublicKeys.SECOND).build()));

        Harness.Result drift = cli(concat(new String[] {"drift", input.toString(), "--format", "json"}, target(emulator)));

        assertEquals(2, drift.code(), drift.both());
        List<String> addresses = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"address\" *: *\"([^\"]+)\"").matcher(drift.out());
        while (m.find()) {
            addresses.add(m.group(1));
        }
        assertEquals(List.of("PublicKeyPolicy/shop/key", "BackendServerAuthenticationPolicy/shop/auth",
                "BackendServerPolicies/shop/8080", "BackendServerPolicies/shop/9090"), addresses, drift.out());
        assertTrue(drift.out().replaceAll("\\s", "").contains("\"kind\":\"missing\",\"address\":\"BackendServerAuthenticationPolicy/shop/auth\""),
                drift.out());

        assertEquals(0, apply(emulator, input).code());
        assertEquals(0, cli(concat(new String[] {"drift", input.toString()}, target(emulator))).code(), "apply brings it back");
        assertEquals(Map.of(8080, List.of("proxy"), 8443, List.of("auth")), backends(elb));
    }

    /**
     * backendServers is the whole list of a port: a policy Git never declared, made and enabled on a port behind its
     * back, is two changes (the policy, and the port now sending a proxy header), as on a port backendServers omits.
     */
    @Test
    void anUndeclaredPolicyEnabledOnAPortShowsThePortChangedAsWellAsThePolicyOrphaned(EmulatorServer emulator) {
        Path input = shop("v1", BOTH, PublicKeys.FIRST);
        assertEquals(0, apply(emulator, input).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("extra").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8443).policyNames("auth", "extra"));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(9090).policyNames("extra"));

        Harness.Result drift = cli(concat(new String[] {"drift", input.toString()}, target(emulator)));

        assertEquals(2, drift.code(), drift.both());
        List<String> lines = java.util.Arrays.stream(drift.out().split("\n")).filter(l -> !l.startsWith("Drift:")).map(l -> l.replaceAll(" +", " ")).toList();
        assertEquals(List.of("orphan ProxyProtocolPolicy/shop/extra proxyProtocol: true",
                "changed BackendServerPolicies/shop/8443 policyNames: [\"auth\", \"extra\"] (want [\"auth\"])",
                "changed BackendServerPolicies/shop/9090 policyNames: [\"extra\"] (want [])"), lines, drift.out());
        assertEquals(0, apply(emulator, input).code());
        assertEquals(0, cli(concat(new String[] {"drift", input.toString()}, target(emulator))).code(), "apply brings it back");
    }

    @Test
    void aSavedPlanAppliesAndGoesStaleWhenAPortListOrAKeyChangesBehindIt(EmulatorServer emulator) {
        assertEquals(0, apply(emulator, shop("v1", BOTH, PublicKeys.FIRST)).code());
        Path v2 = shop("v2", BOTH, PublicKeys.SECOND);
        Path saved = dir.resolve("plan.json");
        Path stale = dir.resolve("stale.json");
        assertEquals(0, plan(emulator, v2, "--out", saved.toString()).code());
        assertEquals(0, plan(emulator, v2, "--out", stale.toString()).code());

        Harness.Result applied = cli(concat(new String[] {"apply", saved.toString(), "--auto-approve"}, target(emulator)));
        assertEquals(0, applied.code(), applied.both());
        assertEquals(PublicKeys.SECOND, policies(sdk(emulator), LB).get("key").get("PublicKey"));

        long writes = emulator.mutatingCallCount();
        Harness.Result refused = cli(concat(new String[] {"apply", stale.toString(), "--auto-approve"}, target(emulator)));
        assertEquals(1, refused.code(), refused.both());
        assertTrue(refused.err().contains("PublicKeyPolicy/shop/key"), refused.both());
        assertEquals(writes, emulator.mutatingCallCount(), "a stale plan makes no call");

        Path v3 = shop("v3", BOTH, PublicKeys.FIRST);
        Path third = dir.resolve("third.json");
        assertEquals(0, plan(emulator, v3, "--out", third.toString()).code());
        sdk(emulator).setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames(List.of()));
        Harness.Result moved = cli(concat(new String[] {"apply", third.toString(), "--auto-approve"}, target(emulator)));
        assertEquals(1, moved.code(), moved.both());
        assertTrue(moved.err().contains("LoadBalancer/shop"), "the description (its port lists) moved: " + moved.both());
    }

    /** A load balancer with back-end policies costs one DescribeLoadBalancerPolicies to observe, one without none. */
    @Test
    void observingCostsOnePolicyCall(EmulatorServer emulator) {
        Path input = shop("v1", BOTH, PublicKeys.FIRST);
        assertEquals(0, apply(emulator, input).code());

        int from = emulator.callLog().size();
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code());
        assertEquals(1, callsSince(emulator, from).stream().filter(c -> c.action().equals("DescribeLoadBalancerPolicies")).count());
        Path plain = write(dir.resolve("plain"), "plain.yaml", Harness.loadBalancer("plain", "  backendServers: []\n",
                listener("TCP", 80, "TCP", 8080, null)));
        assertEquals(0, apply(emulator, plain).code());
        int next = emulator.callLog().size();
        assertEquals(0, plan(emulator, plain, "--detailed-exitcode").code());
        assertEquals(0, callsSince(emulator, next).stream().filter(c -> c.action().equals("DescribeLoadBalancerPolicies")).count(),
                "no policy of its own: the port lists come with DescribeLoadBalancers");
    }

    /** Back-end policies, their types and keys, and what each instance port names, call by call. */
    static final class BackendReplay extends CallReplay {
        final Map<String, String> types = new HashMap<>();
        final Map<String, List<String>> keysOf = new HashMap<>();

        BackendReplay(Map<String, Map<String, String>> policiesNow, Map<Integer, List<String>> listsNow) {
            policiesNow.forEach((name, attributes) -> {
                types.put(name, attributes.get("type"));
                if (attributes.containsKey("PublicKeyPolicyName")) {
                    keysOf.put(name, List.of(attributes.get("PublicKeyPolicyName")));
                }
            });
            lists.putAll(listsNow);
        }

        @Override
        void play(RecordedCall call) {
            String name = call.parameters().get("PolicyName");
            switch (call.action()) {
                case "CreateLoadBalancerPolicy" -> {
                    types.put(name, call.parameters().get("PolicyTypeName"));
                    List<String> keys = new ArrayList<>();
                    call.parameters().forEach((k, v) -> {
                        if (k.endsWith(".AttributeName") && v.equals("PublicKeyPolicyName")) {
                            keys.add(call.parameters().get(k.replace("AttributeName", "AttributeValue")));
                        }
                    });
                    keysOf.put(name, keys);
                }
                case "DeleteLoadBalancerPolicy" -> types.remove(name);
                case "SetLoadBalancerPoliciesForBackendServer" -> setList(call, "InstancePort");
                default -> {
                    // reads and other settings do not change what an instance port gets
                }
            }
        }

        @Override
        void check(RecordedCall call, List<String> gaps) {
            check(call, 8080, "ProxyProtocolPolicyType", gaps);
            check(call, 8443, "BackendServerAuthenticationPolicyType", gaps);
        }

        private void check(RecordedCall call, int port, String type, List<String> gaps) {
            List<String> names = lists.getOrDefault(port, List.of());
            List<String> ofType = names.stream().filter(n -> type.equals(types.get(n))).toList();
            boolean keysExist = ofType.stream().allMatch(n -> keysOf.getOrDefault(n, List.of()).stream()
                    .allMatch(k -> "PublicKeyPolicyType".equals(types.get(k))));
            if (ofType.size() != 1 || names.size() != 1 || !keysExist) {
                gaps.add("after " + call + ": instance port " + port + " has " + names + " while " + types.keySet() + " exist");
            }
        }
    }
}
