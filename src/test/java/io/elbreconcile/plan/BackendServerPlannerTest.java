package io.elbreconcile.plan;

import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.testing.PublicKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.elbreconcile.plan.Fixtures.built;
import static io.elbreconcile.plan.Fixtures.desired;
import static io.elbreconcile.plan.Fixtures.lb;
import static io.elbreconcile.plan.Fixtures.operationsInOrder;
import static io.elbreconcile.plan.Fixtures.plan;
import static io.elbreconcile.plan.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's rules for back-end policies and instance-port lists, against the simulated ELB (no server). */
class BackendServerPlannerTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/x";
    private static final Listener TCP = new Listener(Protocol.TCP, 80, Protocol.TCP, 8080, null, List.of());
    private static final Listener SSL = new Listener(Protocol.SSL, 443, Protocol.SSL, 8443, CERT, List.of());
    private static final ProxyProtocolPolicy PROXY = ProxyProtocolPolicy.enabled("proxy");
    private static final PublicKeyPolicy KEY = new PublicKeyPolicy("key", PublicKeys.FIRST);
    private static final BackendAuthenticationPolicy AUTH = new BackendAuthenticationPolicy("auth", List.of("key"));

    private static DesiredState shop(List<BackendServer> servers, ManagedPolicy... policies) {
        DesiredLoadBalancer lb = lb("shop", List.of(TCP, SSL), List.of(policies));
        return desired(servers == null ? lb : lb.withBackendServers(servers));
    }

    private static DesiredState full(PublicKeyPolicy key) {
        return shop(List.of(new BackendServer(8080, List.of("proxy")), new BackendServer(8443, List.of("auth"))), PROXY, key, AUTH);
    }

    private static ObservedLoadBalancer shopIn(ObservedState state) {
        return state.loadBalancer("shop").orElseThrow();
    }

    private static int indexOf(List<String> ops, String fragment) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError(fragment + " not in " + ops);
    }

    @Test
    void keysComeBeforeTheAuthenticationPolicyAndBothBeforeThePortListsAndTheNextPlanIsEmpty() {
        Plan plan = plan(full(KEY), ObservedState.empty());
        List<String> ops = operationsInOrder(plan);

        assertTrue(indexOf(ops, "PublicKeyPolicyType policy key ") < indexOf(ops, "BackendServerAuthenticationPolicyType policy auth "), ops::toString);
        assertTrue(indexOf(ops, "policy auth ") < indexOf(ops, "instance port 8443 on shop to [auth]"), ops::toString);
        assertTrue(indexOf(ops, "policy proxy ") < indexOf(ops, "instance port 8080 on shop to [proxy]"), ops::toString);
        ObservedState after = run(plan, ObservedState.empty(), aws -> { });
        assertEquals(List.of(new BackendServer(8080, List.of("proxy")), new BackendServer(8443, List.of("auth"))),
                shopIn(after).backendServers());
        assertFalse(plan(full(KEY), after).hasChanges(), () -> operationsInOrder(plan(full(KEY), after)).toString());
    }

    @Test
    void withoutBackendServersTheLivePortsAndTheirPoliciesAreKept() {
        ObservedState before = built(full(KEY));

        Plan plan = plan(shop(null), before);

        assertFalse(plan.hasChanges(), () -> operationsInOrder(plan).toString());
    }

    @Test
    void anEmptyBackendServersListDetachesThenDeletesTheAuthenticationPolicyThenItsKey() {
        ObservedState before = built(full(KEY));

        Plan plan = plan(shop(List.of()), before);
        List<String> ops = operationsInOrder(plan);

        assertEquals(Action.UPDATE, change(plan, "BackendServerPolicies/shop/8443").action());
        assertEquals(List.of("not in backendServers: an instance port it does not list has no back-end policy"),
                change(plan, "BackendServerPolicies/shop/8443").reasons());
        assertTrue(indexOf(ops, "Disable every policy on instance port 8443") < indexOf(ops, "DeleteLoadBalancerPolicy Delete policy auth"), ops::toString);
        assertTrue(indexOf(ops, "Delete policy auth") < indexOf(ops, "Delete policy key"), ops::toString);
        assertTrue(indexOf(ops, "Disable every policy on instance port 8080") < indexOf(ops, "Delete policy proxy"), ops::toString);
        ObservedState after = run(plan, before, aws -> { });
        assertEquals(List.of(), shopIn(after).backendServers());
        assertEquals(List.of(), shopIn(after).policies());
    }

    /**
     * A new key: the key policy and the authentication policy naming it go and come back, and port
     * 8443 names one authentication policy, whose keys all exist, after every single call.
     */
    @ParameterizedTest
    @EnumSource(ReplaceStrategy.class)
    void aChangedKeyReplacesItsAuthenticationPolicyTooWithNoMomentWithoutAuthentication(ReplaceStrategy strategy) {
        ObservedState before = built(full(KEY));
        PublicKeyPolicy newKey = new PublicKeyPolicy("key", PublicKeys.SECOND);

        Plan plan = plan(full(newKey), before, new PlanOptions(Optional.empty(), false, strategy));

        assertEquals(Action.REPLACE, change(plan, "PublicKeyPolicy/shop/key").action());
        assertEquals(Action.REPLACE, change(plan, "BackendServerAuthenticationPolicy/shop/auth").action());
        assertTrue(change(plan, "BackendServerAuthenticationPolicy/shop/auth").reasons().get(0).contains("of which one is replaced"));
        assertEquals("zero gap: the temporary copies of the policies naming it name key-elbr-tmp meanwhile",
                change(plan, "PublicKeyPolicy/shop/key").reasons().get(1));
        List<String> seen = new ArrayList<>();
        ObservedState after = run(plan, before, aws -> {
            ObservedLoadBalancer now = shopIn(aws.state());
            List<String> names = now.backendPolicies(8443);
            assertEquals(1, names.size(), "one authentication policy on 8443: " + names);
            BackendAuthenticationPolicy auth = (BackendAuthenticationPolicy) now.policy(names.get(0)).orElseThrow();
            auth.publicKeyPolicies().forEach(key -> assertTrue(now.policy(key).isPresent(), key + " exists"));
            assertEquals(List.of("proxy"), now.backendPolicies(8080), "proxy protocol untouched");
            seen.add(names.get(0));
        });
        assertTrue(seen.contains("auth-elbr-tmp"), "went through the temporary copy: " + seen);
        assertEquals(Optional.of(newKey), shopIn(after).policy("key"));
        assertEquals(3, shopIn(after).policies().size(), "temporaries gone: " + shopIn(after).policies());
        assertFalse(plan(full(newKey), after).hasChanges());
    }

    @Test
    void aProxyPolicyAwsReportsOffIsReplacedThroughATemporaryCopyEvenWithTheDirectStrategy() {
        ObservedState built = built(full(KEY));
        ObservedLoadBalancer lb = shopIn(built);
        List<ManagedPolicy> policies = new ArrayList<>(lb.policies().stream().filter(p -> !p.name().equals("proxy")).toList());
        policies.add(new ProxyProtocolPolicy("proxy", false));
        ObservedState before = Fixtures.world(new ObservedLoadBalancer(lb.name(), lb.dnsName(), lb.scheme(), lb.availabilityZones(),
                lb.subnets(), lb.securityGroups(), lb.listeners(), policies, lb.otherPolicies(), lb.healthCheck(), lb.tags(),
                lb.attributes(), lb.backendServers()));

        Plan plan = plan(full(KEY), before, new PlanOptions(Optional.empty(), false, ReplaceStrategy.DIRECT));

        ObservedState after = run(plan, before, aws -> assertEquals(1, shopIn(aws.state()).backendPolicies(8080).size(),
                "8080 keeps one proxy protocol policy"));
        assertEquals(Optional.of(PROXY), shopIn(after).policy("proxy"));
        assertFalse(plan(full(KEY), after).hasChanges());
    }

    /** Found by PlannerProperties: a key the new authentication policy no longer names is an orphan, deleted after the old policy. */
    @Test
    void aKeyDroppedFromTheAuthenticationPolicyIsDeletedAfterTheOldPolicy() {
        PublicKeyPolicy second = new PublicKeyPolicy("key2", PublicKeys.SECOND);
        DesiredState two = shop(List.of(new BackendServer(8443, List.of("auth"))), KEY, second,
                new BackendAuthenticationPolicy("auth", List.of("key", "key2")));
        ObservedState before = built(two);
        DesiredState one = shop(List.of(new BackendServer(8443, List.of("auth"))), KEY, AUTH);

        Plan plan = plan(one, before);
        List<String> ops = operationsInOrder(plan);

        assertEquals(Action.DELETE, change(plan, "PublicKeyPolicy/shop/key2").action());
        assertTrue(indexOf(ops, "Delete policy auth from") < indexOf(ops, "Delete policy key2"), ops::toString);
        ObservedState after = run(plan, before, aws -> assertEquals(1, shopIn(aws.state()).backendPolicies(8443).size()));
        assertFalse(plan(one, after).hasChanges(), () -> operationsInOrder(plan(one, after)).toString());
    }

    /** An authentication policy kept as it is (no backendServers, not declared) is replaced with a declared key it names. */
    @Test
    void aKeptAuthenticationPolicyNamingAChangedKeyIsReplacedWithIt() {
        ObservedState before = built(full(KEY));
        DesiredState keyOnly = shop(null, PROXY, new PublicKeyPolicy("key", PublicKeys.SECOND));

        Plan plan = plan(keyOnly, before);

        assertEquals(Action.REPLACE, change(plan, "BackendServerAuthenticationPolicy/shop/auth").action());
        ObservedState after = run(plan, before, aws -> assertEquals(1, shopIn(aws.state()).backendPolicies(8443).size()));
        assertEquals(Optional.of(AUTH), shopIn(after).policy("auth"), "kept with the settings AWS reported");
        assertEquals(List.of("auth"), shopIn(after).backendPolicies(8443));
        assertFalse(plan(keyOnly, after).hasChanges(), () -> operationsInOrder(plan(keyOnly, after)).toString());
    }

    private static Change change(Plan plan, String address) {
        return plan.changes().stream().filter(c -> c.address().toString().equals(address)).findFirst().orElseThrow();
    }
}
