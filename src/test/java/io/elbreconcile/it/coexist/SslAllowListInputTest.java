package io.elbreconcile.it.coexist;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Input that Settings.allowedSslPolicies refuses: every command that reads the input (validate,
 * plan, apply, drift, graph) prints the same one line at file:line:col and exits 1 before any API call.
 */
@ExtendWith(EmulatorExtension.class)
class SslAllowListInputTest {

    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/x";

    private static final String SETTINGS = """
            apiVersion: elb-reconcile/v1
            kind: Settings
            metadata:
              name: audit
            spec:
              allowedSslPolicies: [ELBSecurityPolicy-TLS-1-2-*, custom]
            ---
            """;

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
                  sslCertificateId: %s
                  sslPolicy: tls
            ---
            """.formatted(CERT);

    private static final String REFERENCE = """
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata:
              name: tls
            spec:
              loadBalancer: web
              reference: ELBSecurityPolicy-TLS-1-2-2017-01
            """;

    private static final String EXPLICIT = """
            apiVersion: elb-reconcile/v1
            kind: SSLNegotiationPolicy
            metadata:
              name: tls
            spec:
              loadBalancer: web
              protocols: [TLSv1.2]
              ciphers: [ECDHE-RSA-AES128-GCM-SHA256]
            """;

    private static final String ALLOWED = "[ELBSecurityPolicy-TLS-1-2-*, custom] at a.yaml:6:23";

    static Stream<Arguments> refused() {
        List<Arguments> cases = List.of(
                Arguments.of("a reference the list does not allow",
                        SETTINGS + LB + REFERENCE.replace("TLS-1-2-2017-01", "2015-05"),
                        "a.yaml:28:14: SSL negotiation policy 'tls' uses ELBSecurityPolicy-2015-05, which allowedSslPolicies "
                                + ALLOWED + " does not allow (allowed predefined policies: ELBSecurityPolicy-TLS-1-2-2017-01)"),
                Arguments.of("explicit protocols and ciphers when custom is not listed",
                        SETTINGS.replace(", custom]", "]") + LB + EXPLICIT,
                        "a.yaml:28:14: SSL negotiation policy 'tls' chooses its own protocols and ciphers (custom), which"
                                + " allowedSslPolicies [ELBSecurityPolicy-TLS-1-2-*] at a.yaml:6:23 does not allow"
                                + " (allowed predefined policies: ELBSecurityPolicy-TLS-1-2-2017-01)"),
                Arguments.of("an HTTPS listener left on AWS's default",
                        SETTINGS + LB.replace("      sslPolicy: tls\n", ""),
                        "a.yaml:15:17: listener 443 (HTTPS) of 'web' names no sslPolicy: AWS gives a new listener its default"
                                + " ELBSecurityPolicy-2016-08, which allowedSslPolicies " + ALLOWED + " does not allow (name an"
                                + " SSLNegotiationPolicy in its sslPolicy; allowed predefined policies: ELBSecurityPolicy-TLS-1-2-2017-01)"),
                Arguments.of("a glob that matches no predefined policy, with did-you-mean",
                        SETTINGS.replace("ELBSecurityPolicy-TLS-1-2-*", "ELBSecurityPolicy-TLS1-2-*") + LB + REFERENCE,
                        "a.yaml:6:24: allowedSslPolicies: 'ELBSecurityPolicy-TLS1-2-*' matches no predefined security policy"
                                + " and is not custom (did you mean 'ELBSecurityPolicy-TLS-1-2-*'?)"),
                Arguments.of("custom spelt with a capital",
                        SETTINGS.replace("custom]", "Custom]") + LB + REFERENCE,
                        "a.yaml:6:53: allowedSslPolicies: 'Custom' matches no predefined security policy and is not custom"
                                + " (did you mean 'custom'?)"),
                Arguments.of("a glob with characters no policy name has",
                        SETTINGS.replace("ELBSecurityPolicy-TLS-1-2-*", "\"ELBSecurityPolicy-TLS-1-2-?\"") + LB + REFERENCE,
                        "a.yaml:6:24: allowedSslPolicies: 'ELBSecurityPolicy-TLS-1-2-?' is not a glob of policy names"
                                + " (letters, digits, - and * only)"),
                Arguments.of("an empty list",
                        SETTINGS.replace("[ELBSecurityPolicy-TLS-1-2-*, custom]", "[]") + LB + REFERENCE,
                        "a.yaml:6:23: spec.allowedSslPolicies needs at least 1 item"));
        return cases.stream().flatMap(c -> Stream.of("validate", "plan", "apply", "drift", "graph")
                .map(command -> Arguments.of(c.get()[0] + " (" + command + ")", command, c.get()[1], c.get()[2])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedInOneLineBeforeAnyCall(String name, String command, String yaml, String expected,
                                         EmulatorServer emulator, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), yaml);
        int callsBefore = emulator.callLog().size();

        Cli.Result result = switch (command) {
            case "validate" -> Cli.run(command, dir.toString());
            case "apply" -> Cli.against(emulator, command, dir.toString(), "--auto-approve");
            default -> Cli.against(emulator, command, dir.toString());
        };

        List<String> lines = result.errLines().stream().map(l -> l.replace(dir + "/", "")).toList();
        assertEquals(ExitCodes.ERROR, result.code(), result::toString);
        assertEquals("error: " + expected, lines.get(0), result::toString);
        assertEquals(2, lines.size(), "one problem and the summary: " + result);
        assertFalse(result.err().contains("\tat "), "no stack trace");
        assertEquals(callsBefore, emulator.callLog().size(), "an API call before the input was checked");
    }

    /** The list allows what it names: a reference it matches, custom when listed, a listener with a declared policy. */
    @Test
    void whatTheListAllowsIsValid(@TempDir Path dir) throws IOException {
        for (String policy : List.of(REFERENCE, EXPLICIT)) {
            Files.writeString(dir.resolve("a.yaml"), SETTINGS + LB + policy);
            Cli.Result result = Cli.run("validate", dir.toString());
            assertEquals(ExitCodes.OK, result.code(), result::toString);
        }
        Files.writeString(dir.resolve("a.yaml"), SETTINGS.replace("ELBSecurityPolicy-TLS-1-2-*", "ELBSecurityPolicy-2016-08")
                + LB.replace("      sslPolicy: tls\n", ""));
        Cli.Result defaulted = Cli.run("validate", dir.toString());
        assertEquals(ExitCodes.OK, defaulted.code(), "AWS's default is allowed when the list names it: " + defaulted);
    }
}
