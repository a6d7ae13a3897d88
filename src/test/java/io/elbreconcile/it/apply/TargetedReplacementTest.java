package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.listener;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code --target} on one policy list whose policy is replaced with zero gap: the targeted plan
 * carries the whole replacement (the temporary policy's creation and its deletion, and the swap
 * back of every other list using it, shown as pulled in), so no temporary policy is left behind
 * for drift to report as an orphan.
 */
@ExtendWith(EmulatorExtension.class)
class TargetedReplacementTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-1111-2222-3333-444444444444";

    @TempDir
    Path dir;

    private void assertNoTemporaryAndQuietDrift(EmulatorServer emulator, String lb, Path input, String address) {
        Set<String> names = policies(sdk(emulator), lb).keySet();
        assertTrue(names.stream().noneMatch(name -> name.contains(Harness.TMP_MARK)), "temporary policy left: " + names);
        Harness.Result targeted = cli(concat(new String[] {"drift", input.toString(), "--target", address}, target(emulator)));
        assertEquals(0, targeted.code(), targeted.both());
        Harness.Result all = cli(concat(new String[] {"drift", input.toString()}, target(emulator)));
        assertEquals(0, all.code(), "the replacement is complete, nothing else changed: " + all.both());
    }

    @Test
    void aTargetedCookieListCarriesItsPolicysWholeReplacementAndSaysWhichOtherListItPullsIn(EmulatorServer emulator) {
        String lb = "my-load-balancer";
        assertEquals(0, apply(emulator, write(dir.resolve("v1"), "lb.yaml", Harness.quickstart(60, 81))).code());
        Path v2 = write(dir.resolve("v2"), "lb.yaml", Harness.quickstart(120, 81));
        String address = "ListenerPolicies/" + lb + "/80";

        Harness.Result planned = plan(emulator, v2, "--target", address);
        Harness.Result applied = apply(emulator, v2, "--target", address);

        assertEquals(0, applied.code(), applied.both());
        assertTrue(planned.out().contains("ListenerPolicies/" + lb + "/81"), planned.out());
        assertTrue(planned.out().contains("pulled in"), planned.out());
        assertEquals(120L, Long.parseLong(policies(sdk(emulator), lb).get("my-duration-cookie-policy").get("CookieExpirationPeriod")));
        assertNoTemporaryAndQuietDrift(emulator, lb, v2, address);
    }

    @Test
    void aTargetedSslListenerCarriesItsNegotiationPolicysWholeReplacement(EmulatorServer emulator) {
        String lb = "shop";
        Path v1 = write(dir.resolve("v1"), "shop.yaml", https(lb), tls(lb, "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"));
        Harness.Result first = apply(emulator, v1);
        assertEquals(0, first.code(), first.both());
        Path v2 = write(dir.resolve("v2"), "shop.yaml", https(lb), tls(lb, "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384"));
        String address = "ListenerPolicies/" + lb + "/443";

        Harness.Result applied = apply(emulator, v2, "--target", address);

        assertEquals(0, applied.code(), applied.both());
        assertEquals("true", policies(sdk(emulator), lb).get("tls").get("ECDHE-RSA-AES256-GCM-SHA384"));
        assertNoTemporaryAndQuietDrift(emulator, lb, v2, address);
    }

    @Test
    void aTargetedInstancePortCarriesItsAuthenticationPolicysWholeReplacement(EmulatorServer emulator) {
        String lb = "shop";
        assertEquals(0, apply(emulator, backend(lb, "v1", PublicKeys.FIRST)).code());
        Path v2 = backend(lb, "v2", PublicKeys.SECOND);
        String address = "BackendServerPolicies/" + lb + "/8443";

        Harness.Result applied = apply(emulator, v2, "--target", address);

        assertEquals(0, applied.code(), applied.both());
        assertEquals(PublicKeys.SECOND, policies(sdk(emulator), lb).get("key").get("PublicKey"));
        assertNoTemporaryAndQuietDrift(emulator, lb, v2, address);
    }

    private static String https(String lb) {
        return Harness.loadBalancer(lb, "", listener("HTTPS", 443, "HTTP", 8080, CERT) + "      sslPolicy: tls\n");
    }

    private static String tls(String lb, String protocol, String cipher) {
        return "apiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata:\n  name: tls\nspec:\n  loadBalancer: " + lb
                + "\n  protocols: [" + protocol + "]\n  ciphers: [" + cipher + "]\n  serverOrderPreference: true\n";
    }

    private Path backend(String lb, String version, String publicKey) {
        String loadBalancer = Harness.loadBalancer(lb, "  backendServers:\n    - instancePort: 8443\n      policies: [auth]\n",
                listener("SSL", 443, "SSL", 8443, CERT));
        return write(dir.resolve(version), "shop.yaml", loadBalancer,
                ApplyBackendServerTest.key("key", publicKey).replace("shop", lb),
                ApplyBackendServerTest.auth("auth", "key").replace("shop", lb));
    }
}
