package io.elbreconcile.spec;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.testing.ValidateOneFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.elbreconcile.testing.ValidateOneFile.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every new field of SSL negotiation policies, wrong: one line at file:line:col, exit 1, offline. */
class SslNegotiationBadInputTest {

    private static final String LB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: HTTPS
                  loadBalancerPort: 443
                  instanceProtocol: HTTP
                  instancePort: 8080
                  sslCertificateId: arn:aws:acm:us-east-1:123456789012:certificate/x
                  sslPolicy: tls
            """;

    private static final String TLS = """
            ---
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata:
              name: tls
            spec:
              loadBalancer: web
              reference: ELBSecurityPolicy-TLS-1-2-2017-01
            """;

    private static final String EXPLICIT = """
            ---
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata:
              name: tls
            spec:
              loadBalancer: web
              protocols: [TLSv1.2]
              ciphers: [ECDHE-RSA-AES128-GCM-SHA256]
            """;

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("wrong reference name, with did-you-mean", LB + TLS.replace("TLS-1-2-2017-01", "TLS-1-2-2017-10"),
                        "a.yaml:21:14: spec.reference: 'ELBSecurityPolicy-TLS-1-2-2017-10' is not one of",
                        "(did you mean 'ELBSecurityPolicy-TLS-1-2-2017-01'?)"),
                bad("a cipher list on a reference policy", LB + TLS + "  ciphers: [AES128-SHA]\n",
                        "a.yaml:22:12: ciphers cannot be given with reference: ELBSecurityPolicy-TLS-1-2-2017-01 fixes"),
                bad("neither a reference nor protocols and ciphers", LB + EXPLICIT.replace("  ciphers: [ECDHE-RSA-AES128-GCM-SHA256]\n", ""),
                        "a.yaml:20:3: SSL negotiation policy 'tls' needs either reference"),
                bad("an unknown protocol", LB + EXPLICIT.replace("TLSv1.2", "TLSv1.3"),
                        "a.yaml:21:15: spec.protocols[0]: 'TLSv1.3' is not one of TLSv1, TLSv1.1, TLSv1.2, SSLv3, SSLv2"),
                bad("a misspelt cipher, with did-you-mean", LB + EXPLICIT.replace("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA265"),
                        "a.yaml:22:13: spec.ciphers[0]: 'ECDHE-RSA-AES128-GCM-SHA265' is not one of",
                        "(did you mean 'ECDHE-RSA-AES128-GCM-SHA256'?)"),
                bad("a misspelt old cipher, counted not listed, with did-you-mean",
                        LB + EXPLICIT.replace("ECDHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-SHA265"),
                        "a.yaml:22:13: spec.ciphers[0]: 'DHE-RSA-AES256-SHA265' is not one of the 88 names the schema lists",
                        "(did you mean 'DHE-RSA-AES256-SHA256'?)"),
                bad("sslPolicy naming no declared policy, with did-you-mean", LB.replace("sslPolicy: tls", "sslPolicy: tsl") + TLS,
                        "a.yaml:13:18: listener 443 names SSL policy 'tsl', but no SSLNegotiationPolicy document declares it for load balancer 'web' (did you mean 'tls'?)"),
                bad("sslPolicy naming a predefined policy directly", LB.replace("sslPolicy: tls", "sslPolicy: ELBSecurityPolicy-TLS-1-2-2017-01") + TLS,
                        "a.yaml:13:18: listener 443 names SSL policy 'ELBSecurityPolicy-TLS-1-2-2017-01', but no SSLNegotiationPolicy",
                        "(declare an SSLNegotiationPolicy of another name with reference: ELBSecurityPolicy-TLS-1-2-2017-01, and name that here)"),
                bad("sslPolicy on an HTTP listener", LB.replace("protocol: HTTPS", "protocol: HTTP")
                                .replace("      sslCertificateId: arn:aws:acm:us-east-1:123456789012:certificate/x\n", "") + TLS,
                        "a.yaml:12:18: listener 443 uses HTTP; sslPolicy is for HTTPS and SSL listeners only"),
                bad("sslPolicy naming a cookie policy", LB.replace("sslPolicy: tls", "sslPolicy: sticky") + TLS
                                + "---\napiVersion: elb-reconcile/v1\nkind: LBCookieStickinessPolicy\nmetadata:\n  name: sticky\nspec:\n  loadBalancer: web\n",
                        "a.yaml:13:18: listener 443: sslPolicy names 'sticky', a LBCookieStickinessPolicy; it must name an SSLNegotiationPolicy"),
                bad("an SSL policy in the cookie list", LB.replace("sslPolicy: tls", "policies: [tls]") + TLS,
                        "a.yaml:13:18: listener 443 lists SSL negotiation policy 'tls' in policies; name it in sslPolicy instead"),
                bad("a document named like AWS's own policy", LB.replace("sslPolicy: tls", "sslPolicy: ELBSecurityPolicy-2016-08")
                                + TLS.replace("name: tls", "name: ELBSecurityPolicy-2016-08"),
                        "a.yaml:18:9: policy name 'ELBSecurityPolicy-2016-08' is AWS's"),
                bad("an SSL policy in attach mode", TLS.substring(4),
                        "a.yaml:6:17: SSL negotiation policy 'tls' needs a LoadBalancer document for 'web'"),
                // The load balancer's document is there but wrong: its one error, not also "needs a LoadBalancer document".
                bad("a misspelt field in the load balancer of an SSL policy", LB.replace("sslPolicy: tls", "sslPolicy: tls\n      sslPolcy: x") + TLS,
                        "a.yaml:14:7: unknown field 'sslPolcy' in spec.listeners[0]"),
                bad("a certificate on an HTTP listener naming an SSL policy", LB.replace("protocol: HTTPS", "protocol: HTTP") + TLS,
                        "a.yaml:12:25: sslCertificateId is only for HTTPS and SSL listeners"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithOneLinePerProblem(List<String> expected, String yaml, @TempDir Path dir) throws IOException {
        ValidateOneFile.assertRefusedInOneLine(expected, yaml, dir);
    }

    @Test
    void bothFormsAreValid(@TempDir Path dir) throws IOException {
        for (String policy : List.of(TLS, EXPLICIT, EXPLICIT + "  serverOrderPreference: false\n")) {
            ValidateOneFile.Run run = ValidateOneFile.validate(dir, LB + policy);
            assertEquals(ExitCodes.OK, run.code(), run.err());
        }
    }

    /** The schema's lists and the loader's are one list: a reference the schema admits is one the model knows. */
    @Test
    void theSchemaNamesExactlyThePredefinedPoliciesProtocolsAndCiphers() throws IOException {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("schemas/elb-reconcile-v1.schema.json").toFile())
                .path("$defs").path("sslNegotiationPolicySpec").path("properties");
        assertEquals(SecurityPolicies.PREDEFINED, texts(schema.path("reference").path("enum")));
        assertEquals(SecurityPolicies.PROTOCOLS, texts(schema.path("protocols").path("items").path("enum")));
        assertEquals(SecurityPolicies.CIPHERS, texts(schema.path("ciphers").path("items").path("enum")));
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
