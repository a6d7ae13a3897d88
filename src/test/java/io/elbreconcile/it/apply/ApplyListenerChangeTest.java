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

import static io.elbreconcile.it.apply.Harness.actions;
import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.callsSince;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.listener;
import static io.elbreconcile.it.apply.Harness.listenerOn;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.members;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listener changes keep stickiness: certificates change in place, re-created listeners get their list back. */
@ExtendWith(EmulatorExtension.class)
class ApplyListenerChangeTest {

    private static final String LB = "shop";
    private static final String POLICY = "shop-sticky";
    /** AWS enables it on every HTTPS listener it creates; the reconciler must keep it (reference fact 2). */
    private static final String AWS_DEFAULT_TLS = "ELBSecurityPolicy-2016-08";
    private static final String CERT_A = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";
    private static final String CERT_B = "arn:aws:acm:us-east-1:123456789012:certificate/bbbbbbbb-1111-2222-3333-444444444444";

    @TempDir
    Path dir;

    private static String[] shop(String listener80, String listener443, long period) {
        return new String[] {loadBalancer(LB, "", listener80, listener443), lbCookie(LB, POLICY, period)};
    }

    private static String https(String certificate) {
        return listener("HTTPS", 443, "HTTP", 8443, certificate, POLICY);
    }

    private int applied(EmulatorServer emulator, String version, String... documents) {
        Harness.Result result = apply(emulator, write(dir.resolve(version), "shop.yaml", documents));
        assertEquals(0, result.code(), result.both());
        return emulator.callLog().size();
    }

    @Test
    void aNewCertificateIsSetInPlaceAndThePolicyListStays(EmulatorServer emulator) {
        int from = applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        Path v2 = write(dir.resolve("v2"), "shop.yaml", shop(http(80, 8080, POLICY), https(CERT_B), 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        assertTrue(result.out().contains("certificate changes in place"), result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        List<String> actions = actions(calls);
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("SetLoadBalancerListenerSSLCertificate")
                && "443".equals(c.parameters().get("LoadBalancerPort"))
                && CERT_B.equals(c.parameters().get("SSLCertificateId"))), actions.toString());
        assertFalse(actions.contains("DeleteLoadBalancerListeners"), actions.toString());
        assertFalse(actions.contains("CreateLoadBalancerListeners"), actions.toString());
        assertFalse(actions.contains("SetLoadBalancerPoliciesOfListener"), "the list was never touched: " + actions);
        assertEquals(CERT_B, listenerOn(elb, LB, 443).listener().sslCertificateId());
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void aChangedInstancePortRecreatesTheListenerAndRestoresItsListInTheSameApply(EmulatorServer emulator) {
        int from = applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml", shop(http(80, 9090, POLICY), https(CERT_A), 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        assertTrue(result.out().contains("restored in the same apply"), "the plan says so:\n" + result.both());
        List<RecordedCall> calls = callsSince(emulator, from);
        List<String> actions = actions(calls);
        int delete = actions.indexOf("DeleteLoadBalancerListeners");
        int create = actions.indexOf("CreateLoadBalancerListeners");
        int restore = indexOf(calls, "SetLoadBalancerPoliciesOfListener", "80");
        assertTrue(delete >= 0 && delete < create && create < restore, "delete, create, restore: " + actions);
        assertEquals(List.of(POLICY), members(calls.get(restore), "PolicyNames"));
        assertEquals(-1, indexOf(calls, "SetLoadBalancerPoliciesOfListener", "443"), "listener 443 untouched: " + actions);
        assertFalse(actions.contains("DeleteLoadBalancerPolicy"), "the policy itself stays: " + actions);
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(9090, listenerOn(elb, LB, 80).listener().instancePort());
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void aChangedProtocolRecreatesTheListenerWithItsList(EmulatorServer emulator) {
        applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml",
                shop(listener("HTTPS", 80, "HTTP", 8080, CERT_B, POLICY), https(CERT_A), 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals("HTTPS", listenerOn(elb, LB, 80).listener().protocol());
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void aRecreatedListenerAndAReplacedPolicyInOneApplyConverge(EmulatorServer emulator) {
        applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml", shop(http(80, 9090, POLICY), https(CERT_B), 120));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals("120", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
        assertEquals(java.util.Set.of(POLICY, AWS_DEFAULT_TLS), policies(elb, LB).keySet(), "no temporary policy left");
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        assertEquals(9090, listenerOn(elb, LB, 80).listener().instancePort());
        assertEquals(CERT_B, listenerOn(elb, LB, 443).listener().sslCertificateId());
        Harness.Result again = plan(emulator, v2, "--detailed-exitcode");
        assertEquals(0, again.code(), again.both());
    }

    @Test
    void aRecreatedHttpsListenerGetsTheNewCertificateAndItsList(EmulatorServer emulator) {
        int from = applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml",
                shop(http(80, 8080, POLICY), listener("HTTPS", 443, "HTTP", 9443, CERT_B, POLICY), 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        List<String> actions = actions(callsSince(emulator, from));
        assertFalse(actions.contains("SetLoadBalancerListenerSSLCertificate"), "re-created with it instead: " + actions);
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(CERT_B, listenerOn(elb, LB, 443).listener().sslCertificateId());
        assertEquals(9443, listenerOn(elb, LB, 443).listener().instancePort());
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void anHttpListenerThatBecomesTcpDropsItsStickinessCleanly(EmulatorServer emulator) {
        applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml",
                loadBalancer(LB, "", listener("TCP", 80, "TCP", 8080, null), https(CERT_A)), lbCookie(LB, POLICY, 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals("TCP", listenerOn(elb, LB, 80).listener().protocol());
        assertEquals(List.of(), listenerPolicies(elb, LB, 80));
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443), "the policy stays where it is still declared");
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void anHttpsListenerThatBecomesPlainHttpLeavesTheSecurityPolicyBehind(EmulatorServer emulator) {
        applied(emulator, "v1", shop(http(80, 8080, POLICY), https(CERT_A), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml",
                shop(http(80, 8080, POLICY), listener("HTTP", 443, "HTTP", 8443, null, POLICY), 60));

        Harness.Result result = apply(emulator, v2);

        assertEquals(0, result.code(), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals("HTTP", listenerOn(elb, LB, 443).listener().protocol());
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 443), "an SSL negotiation policy cannot go on a plain listener");
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void listenersSharingAnInstancePortSwitchToASecureBackEndTogether(EmulatorServer emulator) {
        // 80 and 443 both send to 8080; a secure back end for one alone is refused (409), so every
        // re-created listener waits until all the old ones are gone.
        applied(emulator, "v1", shop(http(80, 8080, POLICY), listener("HTTPS", 443, "HTTP", 8080, CERT_A, POLICY), 60));
        Path v2 = write(dir.resolve("v2"), "shop.yaml", shop(listener("HTTP", 80, "HTTPS", 8080, null, POLICY),
                listener("HTTPS", 443, "HTTPS", 8080, CERT_A, POLICY), 60));

        Harness.Result result = apply(emulator, v2, "--parallelism", "1");

        assertEquals(0, result.code(), result.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals("HTTPS", listenerOn(elb, LB, 80).listener().instanceProtocol());
        assertEquals("HTTPS", listenerOn(elb, LB, 443).listener().instanceProtocol());
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals(List.of(AWS_DEFAULT_TLS, POLICY), listenerPolicies(elb, LB, 443));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    private static int indexOf(List<RecordedCall> calls, String action, String port) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).action().equals(action) && port.equals(calls.get(i).parameters().get("LoadBalancerPort"))) {
                return i;
            }
        }
        return -1;
    }
}
