package io.elbreconcile.spec;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.testing.PublicKeys;
import io.elbreconcile.testing.ValidateOneFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.elbreconcile.testing.ValidateOneFile.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every field of back-end policies and backendServers, wrong: one line at file:line:col, exit 1, offline. */
class BackendServerBadInputTest {

    /** Lines 1-20: a TCP listener to 8080 (proxy protocol) and an SSL listener to 8443 (authentication). */
    private static final String LB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: TCP
                  loadBalancerPort: 80
                  instanceProtocol: TCP
                  instancePort: 8080
                - protocol: SSL
                  loadBalancerPort: 443
                  instanceProtocol: SSL
                  instancePort: 8443
                  sslCertificateId: arn:aws:acm:us-east-1:123456789012:certificate/x
              backendServers:
                - instancePort: 8080
                  policies: [proxy]
                - instancePort: 8443
                  policies: [auth]
            """;

    private static final String POLICIES = """
            ---
            apiVersion: elb-reconcile/v1
            kind: ProxyProtocolPolicy
            metadata:
              name: proxy
            spec:
              loadBalancer: web
            ---
            apiVersion: elb-reconcile/v1
            kind: BackendServerAuthenticationPolicy
            metadata:
              name: auth
            spec:
              loadBalancer: web
              publicKeyPolicies: [key]
            ---
            apiVersion: elb-reconcile/v1
            kind: PublicKeyPolicy
            metadata:
              name: key
            spec:
              loadBalancer: web
              publicKey: KEY
            """.replace("KEY", PublicKeys.FIRST);

    private static final String COOKIE = """
            ---
            apiVersion: elb-reconcile/v1
            kind: LBCookieStickinessPolicy
            metadata:
              name: sticky
            spec:
              loadBalancer: web
            """;

    /** Lines 45-64 after LB and POLICIES: a second load balancer with an authentication policy on its SSL instance port. */
    private static final String OTHER_LB = """
            ---
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: other
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: SSL, loadBalancerPort: 443, instanceProtocol: SSL, instancePort: 8443, sslCertificateId: "arn:aws:acm:us-east-1:123456789012:certificate/x"}
              backendServers:
                - instancePort: 8443
                  policies: [other-auth]
            ---
            apiVersion: elb-reconcile/v1
            kind: BackendServerAuthenticationPolicy
            metadata:
              name: other-auth
            spec:
              loadBalancer: other
              publicKeyPolicies: [key]
            """;

    private static final String OTHER_KEY = """
            ---
            apiVersion: elb-reconcile/v1
            kind: PublicKeyPolicy
            metadata:
              name: other-key
            spec:
              loadBalancer: other
              publicKey: KEY
            """.replace("KEY", PublicKeys.SECOND);

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("proxy protocol on a port with no backend", LB.replace("instancePort: 8080\n      policies", "instancePort: 9090\n      policies") + POLICIES,
                        "a.yaml:18:21: backendServers names instance port 9090, but no listener of 'web' sends to it",
                        "its listeners send to instance ports 8080, 8443"),
                bad("an unknown policy name, with did-you-mean", LB.replace("[proxy]", "[proxi]") + POLICIES,
                        "a.yaml:19:18: instance port 8080 names policy 'proxi', but no ProxyProtocolPolicy or BackendServerAuthenticationPolicy"
                                + " document declares it for load balancer 'web' (did you mean 'proxy'?)"),
                bad("a public key policy listed directly", LB.replace("[auth]", "[key]") + POLICIES.replace("[key]", "[key]"),
                        "a.yaml:21:18: 'key' is a PublicKeyPolicy, which AWS never enables on a port"),
                bad("a cookie policy on a back-end port", LB.replace("[proxy]", "[sticky]") + POLICIES + COOKIE,
                        "a.yaml:19:18: 'sticky' is a LBCookieStickinessPolicy, a listener policy; an instance port takes"),
                bad("an SSL policy on a back-end port", LB.replace("[proxy]", "[tls]") + POLICIES
                                + "---\napiVersion: elb-reconcile/v1\nkind: SSLNegotiationPolicy\nmetadata:\n  name: tls\nspec:\n  loadBalancer: web\n"
                                + "  reference: ELBSecurityPolicy-TLS-1-2-2017-01\n",
                        "a.yaml:19:18: 'tls' is a SSLNegotiationPolicy, a listener policy"),
                bad("back-end authentication to a plain instance port", LB.replace("instanceProtocol: SSL", "instanceProtocol: TCP") + POLICIES,
                        "a.yaml:21:18: back-end authentication policy 'auth' on instance port 8443: the listeners sending there use [TCP];"
                                + " AWS authenticates back ends only over HTTPS or SSL"),
                bad("two proxy protocol policies on one instance port", LB.replace("policies: [proxy]", "policies: [proxy, proxy2]")
                                + POLICIES + "---\napiVersion: elb-reconcile/v1\nkind: ProxyProtocolPolicy\nmetadata: {name: proxy2}\nspec: {loadBalancer: web}\n",
                        "a.yaml:19:25: instance port 8080 enables two ProxyProtocolPolicy documents, 'proxy' (at ", "a.yaml:19:18) and 'proxy2'",
                        "(one proxy protocol policy turns the header on; list only one)"),
                bad("two back-end authentication policies on one instance port", LB.replace("policies: [auth]", "policies: [auth, auth2]")
                                + POLICIES + "---\napiVersion: elb-reconcile/v1\nkind: BackendServerAuthenticationPolicy\nmetadata: {name: auth2}\n"
                                + "spec: {loadBalancer: web, publicKeyPolicies: [key]}\n",
                        "a.yaml:21:24: instance port 8443 enables two BackendServerAuthenticationPolicy documents, 'auth' (at ",
                        "a.yaml:21:18) and 'auth2'", "name every key in one BackendServerAuthenticationPolicy's publicKeyPolicies"),
                bad("an instance port listed twice", LB + "    - instancePort: 8080\n      policies: []\n" + POLICIES,
                        "a.yaml:22:21: instance port 8080 is listed twice in backendServers (also at"),
                bad("public key text that is not base64", LB + POLICIES.replace(PublicKeys.FIRST, "not*base64"),
                        "a.yaml:44:14: publicKey is not base64 text"),
                bad("public key text that is base64 of no key", LB + POLICIES.replace(PublicKeys.FIRST, "aGVsbG8gd29ybGQ="),
                        "a.yaml:44:14: publicKey is base64, but of neither a public key nor a certificate"),
                bad("a public key with its PEM lines", LB + POLICIES.replace("publicKey: " + PublicKeys.FIRST,
                                "publicKey: |\n    -----BEGIN PUBLIC KEY-----\n    " + PublicKeys.FIRST + "\n    -----END PUBLIC KEY-----"),
                        "a.yaml:44:14: publicKey holds PEM armour"),
                bad("an authentication policy naming an undeclared key, with did-you-mean", LB + POLICIES.replace("[key]", "[kye]"),
                        "a.yaml:36:23: back-end authentication policy 'auth' names public key policy 'kye', but no PublicKeyPolicy document"
                                + " declares it for load balancer 'web' (did you mean 'key'?)"),
                bad("an authentication policy naming a proxy policy", LB + POLICIES.replace("[key]", "[key, proxy]"),
                        "a.yaml:36:28: publicKeyPolicies names 'proxy', a ProxyProtocolPolicy; it must name a PublicKeyPolicy"),
                bad("a back-end policy in a listener's policies", LB.replace("      instancePort: 8080\n    - protocol: SSL", "      instancePort: 8080\n      policies: [proxy]\n    - protocol: SSL") + POLICIES,
                        "a.yaml:12:18: listener 80 lists ProxyProtocolPolicy 'proxy', a back-end policy; list it in backendServers"),
                bad("a proxy protocol policy in attach mode", POLICIES.substring(4, POLICIES.indexOf("---", 4)),
                        "a.yaml:6:17: ProxyProtocolPolicy 'proxy' needs a LoadBalancer document for 'web'"),
                bad("an unknown field of a backendServers entry, with did-you-mean", LB.replace("policies: [proxy]", "polices: [proxy]"),
                        "a.yaml:19:7: unknown field 'polices' in spec.backendServers[0] (did you mean 'policies'?)"),
                // The load balancer's document is there but wrong: its one error, not also "needs a LoadBalancer document" for each policy.
                bad("instance port 0", LB.replace("instancePort: 8080\n      policies", "instancePort: 0\n      policies") + POLICIES,
                        "a.yaml:18:21: spec.backendServers[0].instancePort must be at least 1, found 0"),
                bad("instance port 70000", LB.replace("instancePort: 8080\n      policies", "instancePort: 70000\n      policies") + POLICIES,
                        "a.yaml:18:21: spec.backendServers[0].instancePort must be at most 65535, found 70000"),
                bad("instance port not a number", LB.replace("instancePort: 8080\n      policies", "instancePort: \"abc\"\n      policies") + POLICIES,
                        "a.yaml:18:21: spec.backendServers[0].instancePort must be an integer, found a string 'abc'"),
                bad("policies not a list", LB.replace("policies: [proxy]", "policies: proxy") + POLICIES,
                        "a.yaml:19:17: spec.backendServers[0].policies must be a list"),
                bad("an authentication policy naming no key", LB + POLICIES.replace("[key]", "[]"),
                        "a.yaml:36:22: spec.publicKeyPolicies needs at least 1 item"),
                bad("an authentication policy naming another load balancer's key", LB + POLICIES + OTHER_LB,
                        "a.yaml:64:23: back-end authentication policy 'other-auth' names public key policy 'key', but no PublicKeyPolicy"
                                + " document declares it for load balancer 'other'",
                        "'key' is a PublicKeyPolicy of load balancer 'web'; a policy belongs to one load balancer"),
                bad("an instance port naming another load balancer's proxy policy", LB + POLICIES
                                + OTHER_LB.replace("[other-auth]", "[proxy]").replace("[key]", "[other-key]") + OTHER_KEY,
                        "a.yaml:56:18: instance port 8443 names policy 'proxy', but no ProxyProtocolPolicy or BackendServerAuthenticationPolicy"
                                + " document declares it for load balancer 'other'",
                        "'proxy' is a ProxyProtocolPolicy of load balancer 'web'; a policy belongs to one load balancer"),
                bad("backendServers on a load balancer with no listeners",
                        LB.substring(0, LB.indexOf("  listeners:")) + "  listeners: []\n"
                                + LB.substring(LB.indexOf("  backendServers:"), LB.indexOf("    - instancePort: 8443")) + POLICIES,
                        "a.yaml:9:21: backendServers names instance port 8080, but no listener of 'web' sends to it",
                        "'web' has no listeners"),
                bad("an unknown field of a proxy protocol policy", LB + POLICIES.replace("  loadBalancer: web\n---\napiVersion: elb-reconcile/v1\nkind: Backend",
                                "  loadBalancer: web\n  proxyProtocol: true\n---\napiVersion: elb-reconcile/v1\nkind: Backend"),
                        "a.yaml:29:3: unknown field 'proxyProtocol' in spec (a ProxyProtocolPolicy always means ProxyProtocol=true,"
                                + " so drop the field; to turn the header off, leave the policy out of the port's backendServers entry)"),
                bad("proxyProtocol: false in a proxy protocol policy", LB + POLICIES.replace("  loadBalancer: web\n---\napiVersion: elb-reconcile/v1\nkind: Backend",
                                "  loadBalancer: web\n  ProxyProtocol: false\n---\napiVersion: elb-reconcile/v1\nkind: Backend"),
                        "a.yaml:29:3: unknown field 'ProxyProtocol' in spec (a ProxyProtocolPolicy always means ProxyProtocol=true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithOneLinePerProblem(List<String> expected, String yaml, @TempDir Path dir) throws IOException {
        ValidateOneFile.assertRefusedInOneLine(expected, yaml, dir);
    }

    @Test
    void theValidFormsPass(@TempDir Path dir) throws IOException {
        String wrapped = POLICIES.replace("publicKey: " + PublicKeys.FIRST, "publicKey: |\n    "
                + PublicKeys.FIRST.substring(0, 64) + "\n    " + PublicKeys.FIRST.substring(64));
        String noBackends = LB.substring(0, LB.indexOf("  backendServers:"));
        for (String yaml : List.of(LB + POLICIES, LB + wrapped, noBackends + "  backendServers: []\n" + POLICIES, noBackends + POLICIES)) {
            ValidateOneFile.Run run = ValidateOneFile.validate(dir, yaml);
            assertEquals(ExitCodes.OK, run.code(), yaml + run.err());
        }
    }
}
