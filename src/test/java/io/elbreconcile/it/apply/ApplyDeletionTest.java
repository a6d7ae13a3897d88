package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.elbreconcile.it.apply.Harness.actions;
import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.loadBalancerNames;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What apply deletes: undeclared stack members only with --allow-delete, never protected ones; orphan policies. */
@ExtendWith(EmulatorExtension.class)
class ApplyDeletionTest {

    private static final String STACK = "shop";

    @TempDir
    Path dir;

    private static String simple(String name, String extraSpec) {
        return loadBalancer(name, extraSpec, http(80, 8080, name + "-sticky")) + "---\n" + lbCookie(name, name + "-sticky", 60);
    }

    /** keep, gone and crown (protected) in stack "shop"; then only keep is declared. */
    private Path stackWithOneLeft(EmulatorServer emulator) {
        Path v1 = dir.resolve("v1");
        write(v1, "keep.yaml", simple("keep", ""));
        write(v1, "gone.yaml", simple("gone", ""));
        write(v1, "crown.yaml", simple("crown", "  protect: true\n"));
        Harness.Result created = apply(emulator, v1, "--stack", STACK);
        assertEquals(0, created.code(), created.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        // Not ours: no tag, and another stack's.
        elb.createLoadBalancer(r -> r.loadBalancerName("foreign").availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
        elb.createLoadBalancer(r -> r.loadBalancerName("neighbour").availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80))
                .tags(t -> t.key("elb-reconcile:stack").value("other")));
        assertEquals(List.of("crown", "foreign", "gone", "keep", "neighbour"), loadBalancerNames(elb));
        return write(dir.resolve("v2"), "keep.yaml", simple("keep", ""));
    }

    @Test
    void anUndeclaredStackLoadBalancerIsKeptWithoutAllowDelete(EmulatorServer emulator) {
        Path v2 = stackWithOneLeft(emulator);
        long mutating = emulator.mutatingCallCount();

        Harness.Result result = apply(emulator, v2, "--stack", STACK);

        assertEquals(2, result.code(), "all done but the deletion of gone is held back:\n" + result.both());
        assertTrue(result.err().contains("still to do, held back: delete LoadBalancer/gone (needs --allow-delete)"), result.both());
        assertTrue(result.out().contains("LoadBalancer/gone") && result.out().contains("--allow-delete"), result.both());
        assertEquals(mutating, emulator.mutatingCallCount(), "nothing was allowed to change");
        assertEquals(List.of("crown", "foreign", "gone", "keep", "neighbour"), loadBalancerNames(sdk(emulator)));
    }

    @Test
    void withAllowDeleteItIsDeletedButNeverAProtectedOneOrOneNotOurs(EmulatorServer emulator) {
        Path v2 = stackWithOneLeft(emulator);
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, v2, "--stack", STACK, "--allow-delete");

        assertEquals(2, result.code(), "gone is deleted, the protected crown remains held back:\n" + result.both());
        assertTrue(result.out().contains("held back") && result.out().contains("LoadBalancer/crown")
                && result.out().contains("protected"), "the plan says why crown stays:\n" + result.both());
        List<RecordedCall> deletes = callsSince(emulator, from).stream()
                .filter(c -> c.action().equals("DeleteLoadBalancer")).toList();
        assertEquals(List.of("gone"), deletes.stream().map(c -> c.parameters().get("LoadBalancerName")).toList());
        assertEquals(List.of("crown", "foreign", "keep", "neighbour"), loadBalancerNames(sdk(emulator)));
        Harness.Result after = plan(emulator, v2, "--stack", STACK, "--allow-delete", "--detailed-exitcode");
        assertEquals(2, after.code(), "the held-back deletion of crown is still a difference CI must see:\n" + after.both());
        assertTrue(after.out().startsWith("No changes will be made, but the target differs"), after.both());
    }

    @Test
    void aHeldBackReplacementStillLetsEveryOtherChangeThrough(EmulatorServer emulator) {
        Path v1 = write(dir.resolve("v1"), "web.yaml", simple("web", ""));
        assertEquals(0, apply(emulator, v1).code());
        Path v2 = write(dir.resolve("v2"), "web.yaml", loadBalancer("web", "  scheme: internal\n", http(80, 8080, "web-sticky"))
                + "---\n" + lbCookie("web", "web-sticky", 90));

        Harness.Result planned = plan(emulator, v2, "--detailed-exitcode");
        assertEquals(2, planned.code(), planned.both());
        assertTrue(planned.out().contains("held back") && planned.out().contains("scheme"), planned.both());
        assertTrue(planned.out().contains("90"), "the cookie change is planned:\n" + planned.both());

        Harness.Result applied = apply(emulator, v2);
        assertEquals(2, applied.code(), "the cookie change is done, the replacement is held back:\n" + applied.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of("web"), loadBalancerNames(elb), "the load balancer was not replaced");
        assertEquals("internet-facing", elb.describeLoadBalancers().loadBalancerDescriptions().get(0).scheme());
        assertEquals(Long.valueOf(90), elb.describeLoadBalancers().loadBalancerDescriptions().get(0).policies()
                .lbCookieStickinessPolicies().get(0).cookieExpirationPeriod());

        Harness.Result again = plan(emulator, v2, "--detailed-exitcode");
        assertEquals(2, again.code(), "only the replacement is left, held back:\n" + again.both());
        assertTrue(again.out().startsWith("No changes will be made, but the target differs"), again.both());
    }

    @Test
    void orphanCookiePoliciesOnAManagedLoadBalancerAreDetachedAndDeleted(EmulatorServer emulator) {
        Path input = write(dir, "web.yaml", loadBalancer("web", "", http(80, 8080, "web-sticky"), http(81, 8081)),
                lbCookie("web", "web-sticky", 60));
        assertEquals(0, apply(emulator, input).code());
        ElasticLoadBalancingClient elb = sdk(emulator);
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("old-lb-cookie").cookieExpirationPeriod(5L));
        elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("old-app-cookie").cookieName("SID"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(81).policyNames("old-app-cookie"));
        // Enabled on an instance port of a load balancer that declares no backendServers: kept, not an orphan.
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(a -> a.attributeName("ProxyProtocol").attributeValue("true")));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("web").instancePort(8081).policyNames("proxy"));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, input);

        assertEquals(0, result.code(), result.both());
        assertTrue(result.out().contains("orphan"), result.both());
        List<String> actions = actions(callsSince(emulator, from));
        assertTrue(actions.indexOf("SetLoadBalancerPoliciesOfListener") < actions.lastIndexOf("DeleteLoadBalancerPolicy"),
                "detached before deleted: " + actions);
        Map<String, Map<String, String>> left = policies(elb, "web");
        assertEquals(List.of("proxy", "web-sticky"), List.copyOf(left.keySet()));
        assertEquals(List.of(), listenerPolicies(elb, "web", 81));
        assertEquals(List.of("web-sticky"), listenerPolicies(elb, "web", 80));
        assertFalse(plan(emulator, input, "--detailed-exitcode").code() != 0, "converged");
    }
    @Test
    void anUndeclaredListenerIsDeletedAndItsNowUndeclaredPolicyAfterIt(EmulatorServer emulator) {
        Path v1 = write(dir.resolve("v1"), "web.yaml",
                loadBalancer("web", "", http(80, 8080, "web-sticky"), http(81, 8081, "admin-sticky")),
                lbCookie("web", "web-sticky", 60), lbCookie("web", "admin-sticky", 30));
        assertEquals(0, apply(emulator, v1).code());
        Path v2 = write(dir.resolve("v2"), "web.yaml", loadBalancer("web", "", http(80, 8080, "web-sticky")),
                lbCookie("web", "web-sticky", 60));
        int from = emulator.callLog().size();

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        List<String> actions = actions(callsSince(emulator, from));
        assertTrue(actions.indexOf("DeleteLoadBalancerListeners") < actions.indexOf("DeleteLoadBalancerPolicy"), actions.toString());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of(80), Harness.describe(elb, "web").listenerDescriptions().stream()
                .map(l -> l.listener().loadBalancerPort()).toList());
        assertEquals(List.of("web-sticky"), List.copyOf(policies(elb, "web").keySet()));
        assertEquals(List.of("web-sticky"), listenerPolicies(elb, "web", 80));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }
}
