package io.elbreconcile.emulator.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.elbreconcile.emulator.engine.EmulatorEngineTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy transitions: creation, uniqueness, enabling per listener and deletion rules (facts 1-5). */
class EmulatorPolicyEngineTest {
    private static final String LB = "my-load-balancer";

    private static World world() {
        var request = new LoadBalancerActions.CreateRequest(LB, List.of(EmulatorEngineTest.http(80, 8080),
                new ListenerSpec("TCP", 9000, null, 9000, null), EmulatorEngineTest.http(8080, 8080)),
                List.of("us-east-1a"), List.of(), List.of(), null, List.of());
        World world = LoadBalancerActions.create(World.empty(), request, WorldKey.of("us-east-1"), Quotas.AWS_DEFAULTS, 0).world();
        world = PolicyActions.createLbCookie(world, LB, "lb-60", 60L);
        world = PolicyActions.createLbCookie(world, LB, "lb-session", null);
        return PolicyActions.createAppCookie(world, LB, "app", "JSESSIONID");
    }

    @Test
    void policiesCarryTypeNamesAndStringAttributes() {
        List<PolicyState> policies = PolicyActions.describe(world(), LB, List.of());
        assertEquals(new PolicyState("lb-60", "LBCookieStickinessPolicyType", List.of(new PolicyAttribute("CookieExpirationPeriod", "60"))),
                policies.get(0));
        assertEquals(List.of(), policies.get(1).attributes());
        assertEquals("AppCookieStickinessPolicyType", policies.get(2).typeName());
        assertEquals(EngineError.POLICY_NOT_FOUND, error(() -> PolicyActions.describe(world(), LB, List.of("app", "nope"))));
        assertTrue(PolicyActions.describe(world(), null, List.of()).stream().allMatch(p -> p.name().startsWith("ELB")));
    }

    @Test
    void namesAreUniqueAcrossTypesEvenWithIdenticalParameters() {
        assertEquals(EngineError.DUPLICATE_POLICY_NAME, error(() -> PolicyActions.createLbCookie(world(), LB, "lb-60", 60L)));
        assertEquals(EngineError.DUPLICATE_POLICY_NAME, error(() -> PolicyActions.createAppCookie(world(), LB, "lb-60", "c")));
        assertEquals(EngineError.DUPLICATE_POLICY_NAME, error(() -> PolicyActions.create(world(), LB, "app",
                "ProxyProtocolPolicyType", List.of(new PolicyAttribute("ProxyProtocol", "true")))));
        assertEquals(EngineError.POLICY_TYPE_NOT_FOUND, error(() -> PolicyActions.create(world(), LB, "x", "Nope", List.of())));
        assertEquals(EngineError.LOAD_BALANCER_NOT_FOUND, error(() -> PolicyActions.createLbCookie(world(), "nope", "x", 1L)));
    }

    @Test
    void settingReplacesTheWholeListOfOnePortOnly() {
        World world = PolicyEnabling.setListenerPolicies(world(), LB, 80, List.of("lb-60"));
        world = PolicyEnabling.setListenerPolicies(world, LB, 8080, List.of("app"));
        world = PolicyEnabling.setListenerPolicies(world, LB, 80, List.of("lb-session"));
        assertEquals(List.of("lb-session"), world.require(LB).listener(80).orElseThrow().policyNames());
        assertEquals(List.of("app"), world.require(LB).listener(8080).orElseThrow().policyNames());
        world = PolicyEnabling.setListenerPolicies(world, LB, 80, List.of());
        assertEquals(List.of(), world.require(LB).listener(80).orElseThrow().policyNames());
    }

    @Test
    void settingChecksListenerEveryNameAndProtocolBeforeChangingAnything() {
        World world = world();
        assertEquals(EngineError.LISTENER_NOT_FOUND, error(() -> PolicyEnabling.setListenerPolicies(world, LB, 81, List.of())));
        assertEquals(EngineError.POLICY_NOT_FOUND,
                error(() -> PolicyEnabling.setListenerPolicies(world, LB, 80, List.of("lb-60", "missing"))));
        assertEquals(EngineError.STICKINESS_NEEDS_HTTP,
                error(() -> PolicyEnabling.setListenerPolicies(world, LB, 9000, List.of("lb-60"))));
        assertEquals(409, EngineError.STICKINESS_NEEDS_HTTP.status());
        World proxy = PolicyActions.create(world, LB, "proxy", "ProxyProtocolPolicyType", List.of(new PolicyAttribute("ProxyProtocol", "true")));
        assertEquals(EngineError.POLICY_CANNOT_BE_ENABLED, error(() -> PolicyEnabling.setListenerPolicies(proxy, LB, 9000, List.of("proxy"))));
        World backend = PolicyEnabling.setBackendPolicies(proxy, LB, 9000, List.of("proxy"));
        assertEquals(List.of("proxy"), backend.require(LB).backendServers().get(0).policyNames());
        assertEquals(EngineError.POLICY_CANNOT_BE_ENABLED, error(() -> PolicyEnabling.setBackendPolicies(proxy, LB, 9000, List.of("lb-60"))));
    }

    @Test
    void deletingIsRefusedWhileEnabledOrReferred() {
        World world = PolicyEnabling.setListenerPolicies(world(), LB, 80, List.of("lb-60"));
        assertEquals(EngineError.POLICY_IN_USE, error(() -> PolicyActions.delete(world, LB, "lb-60")));
        assertEquals("You cannot delete policy [lb-60] since it is enabled or referred by other enabled policy.",
                EngineError.POLICY_IN_USE.message("lb-60"));
        World detached = PolicyEnabling.setListenerPolicies(world, LB, 80, List.of());
        World deleted = PolicyActions.delete(detached, LB, "lb-60");
        assertTrue(deleted.require(LB).policy("lb-60").isEmpty());
        assertSame(deleted, PolicyActions.delete(deleted, LB, "lb-60"));

        World keys = PolicyActions.create(world(), LB, "key", "PublicKeyPolicyType", List.of(new PolicyAttribute("PublicKey", "abc")));
        keys = PolicyActions.create(keys, LB, "auth", "BackendServerAuthenticationPolicyType",
                List.of(new PolicyAttribute("PublicKeyPolicyName", "key")));
        World enabled = PolicyEnabling.setBackendPolicies(keys, LB, 443, List.of("auth"));
        assertEquals(EngineError.POLICY_IN_USE, error(() -> PolicyActions.delete(enabled, LB, "key")));
    }

    @Test
    void backendAuthenticationNamesPublicKeyPoliciesOnlyAndOnlyOverSecureBackEnds() {
        World keys = PolicyActions.create(world(), LB, "key", "PublicKeyPolicyType", List.of(new PolicyAttribute("PublicKey", "abc")));
        // A missing name, and a name of another type, are refused: the policy could authenticate nothing.
        assertEquals(EngineError.INVALID_POLICY_ATTRIBUTES, error(() -> PolicyActions.create(keys, LB, "auth",
                "BackendServerAuthenticationPolicyType", List.of(new PolicyAttribute("PublicKeyPolicyName", "missing")))));
        assertEquals(EngineError.INVALID_POLICY_ATTRIBUTES, error(() -> PolicyActions.create(keys, LB, "auth",
                "BackendServerAuthenticationPolicyType", List.of(new PolicyAttribute("PublicKeyPolicyName", "lb-60")))));
        World auth = PolicyActions.create(keys, LB, "auth", "BackendServerAuthenticationPolicyType",
                List.of(new PolicyAttribute("PublicKeyPolicyName", "key")));
        // A public key policy is never enabled on a port itself; authentication not where listeners reach the port in plain TCP.
        assertEquals(EngineError.POLICY_CANNOT_BE_ENABLED, error(() -> PolicyEnabling.setBackendPolicies(auth, LB, 443, List.of("key"))));
        assertEquals(EngineError.POLICY_CANNOT_BE_ENABLED, error(() -> PolicyEnabling.setBackendPolicies(auth, LB, 9000, List.of("auth"))));
        // Referred to by a policy enabled nowhere: AWS's message refuses only "enabled or referred by other enabled policy".
        assertTrue(PolicyActions.delete(auth, LB, "key").require(LB).policy("key").isEmpty());
    }

    /** The reference's policy-type table (6.2), as DescribeLoadBalancerPolicyTypes reports it in AWS. */
    @Test
    void backEndPolicyTypesCarryAwsAttributeNamesTypesAndCardinalities() {
        assertEquals(List.of("ProxyProtocol Boolean ONE"), attributes(PolicyTypes.PROXY_PROTOCOL));
        assertEquals(List.of("PublicKey String ONE"), attributes(PolicyTypes.PUBLIC_KEY));
        assertEquals(List.of("PublicKeyPolicyName PolicyName ONE_OR_MORE"), attributes(PolicyTypes.BACKEND_AUTHENTICATION));
        // ONE_OR_MORE: two keys are taken, none is refused.
        World keys = PolicyActions.create(PolicyActions.create(world(), LB, "a", "PublicKeyPolicyType",
                List.of(new PolicyAttribute("PublicKey", "abc"))), LB, "b", "PublicKeyPolicyType", List.of(new PolicyAttribute("PublicKey", "def")));
        World two = PolicyActions.create(keys, LB, "auth", "BackendServerAuthenticationPolicyType",
                List.of(new PolicyAttribute("PublicKeyPolicyName", "a"), new PolicyAttribute("PublicKeyPolicyName", "b")));
        assertEquals(2, two.require(LB).policy("auth").orElseThrow().attributes().size());
        assertEquals(EngineError.INVALID_POLICY_ATTRIBUTES, error(() -> PolicyActions.create(keys, LB, "none",
                "BackendServerAuthenticationPolicyType", List.of())));
    }

    private static List<String> attributes(String type) {
        return PolicyTypes.find(type).orElseThrow().attributes().stream()
                .map(a -> a.name() + " " + a.type() + " " + a.cardinality()).toList();
    }
}
