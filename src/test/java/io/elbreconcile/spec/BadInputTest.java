package io.elbreconcile.spec;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.cli.Main;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus: every case goes through {@code validate} as a user would run it, and must
 * give exit 1, exactly the expected problems (one line each, at file:line:column) and no stack trace.
 */
class BadInputTest {

    private static final String LB_HEAD = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              availabilityZones: [us-east-1a]
              listeners:
            """;

    private static final String HTTP_LISTENER = """
                - protocol: HTTP
                  loadBalancerPort: 80
                  instanceProtocol: HTTP
                  instancePort: 8080
            """;

    private static final String STICKY_POLICY = """
            ---
            apiVersion: elb-reconcile/v1
            kind: LBCookieStickinessPolicy
            metadata:
              name: sticky
            spec:
              loadBalancer: web
              cookieExpirationPeriod: 60
            """;

    /** One case: input files (name → bytes) and the expected lines, each {@code "file:line:col: fragment"}. */
    record Case(Map<String, byte[]> files, List<String> expected) {
        Arguments named(String name) {
            return Arguments.of(Named.of(name, this));
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("malformed YAML", "a.yaml", "a: [\n b: c\n", "a.yaml:3:1: YAML syntax error"),
                bad("tab indentation", "a.yaml", "apiVersion: elb-reconcile/v1\nkind: LoadBalancer\nmetadata:\n\tname: x\n",
                        "a.yaml:4:1: YAML syntax error: tab character; YAML indents with spaces only"),
                bad("alias bomb (billion laughs)", "a.yaml", billionLaughs(), "a.yaml:1:1: too many YAML aliases"),
                bad("alias bomb within the alias limit", "a.yaml", wideAliasBomb(), "a.yaml:1:1: document expands to more than 100000 YAML nodes"),
                bad("huge file", "a.yaml", "# padding\n".repeat(500_000), "a.yaml:1:1: file is 4.8 MiB; the limit is 4 MiB"),
                bad("empty file", "a.yaml", "", "a.yaml:1:1: no documents"),
                bad("only comments and separators", "a.yaml", "# nothing\n---\n---\n", "a.yaml:1:1: no documents"),
                new Case(Map.of("a.yaml", binaryGarbage()), List.of("a.yaml:1:1: not UTF-8 text")).named("binary garbage"),
                bad("NUL byte in UTF-8 text", "a.yaml", "apiVersion: elb-reconcile/v1\nkind: Load\u0000Balancer\n",
                        "a.yaml:2:11: control character U+0000"),
                bad("top level is a list", "a.yaml", "- a\n- b\n", "a.yaml:1:1: document must be a mapping, found a list"),
                bad("wrong type: port as string", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("loadBalancerPort: 80", "loadBalancerPort: \"80\""),
                        "a.yaml:9:25: spec.listeners[0].loadBalancerPort must be an integer, found a string '80'"),
                bad("wrong type: tag value is a number", "a.yaml", LB_HEAD + HTTP_LISTENER + "  tags: {cost-center: 4711}\n",
                        "a.yaml:12:23: spec.tags.cost-center must be a string, found an integer 4711 (quote it"),
                bad("out of range: instance port", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("8080", "70000"),
                        "a.yaml:11:21: spec.listeners[0].instancePort must be at most 65535, found 70000"),
                bad("out of range: negative cookie period", "a.yaml", LB_HEAD + HTTP_LISTENER
                                + STICKY_POLICY.replace("cookieExpirationPeriod: 60", "cookieExpirationPeriod: -5"),
                        "a.yaml:19:27: spec.cookieExpirationPeriod must be at least 0, found -5"),
                bad("out of range: health check interval", "a.yaml", LB_HEAD + HTTP_LISTENER
                                + "  healthCheck: {target: \"HTTP:8080/\", interval: 400}\n",
                        "a.yaml:12:49: spec.healthCheck.interval must be at most 300, found 400"),
                bad("name with an underscore", "a.yaml", LB_HEAD.replace("name: web", "name: my_web") + HTTP_LISTENER,
                        "a.yaml:4:9: load balancer name 'my_web' may contain only letters, digits and hyphens"),
                bad("name of 33 characters", "a.yaml", LB_HEAD.replace("name: web", "name: " + "a".repeat(33)) + HTTP_LISTENER,
                        "a.yaml:4:9: load balancer name '" + "a".repeat(33) + "' is 33 characters; the limit is 32"),
                bad("leading hyphen", "a.yaml", LB_HEAD.replace("name: web", "name: -web") + HTTP_LISTENER,
                        "a.yaml:4:9: load balancer name '-web' must not begin or end with a hyphen"),
                bad("trailing hyphen", "a.yaml", LB_HEAD.replace("name: web", "name: web-") + HTTP_LISTENER,
                        "a.yaml:4:9: load balancer name 'web-' must not begin or end with a hyphen"),
                bad("policy name with a dot", "a.yaml", LB_HEAD + HTTP_LISTENER + STICKY_POLICY.replace("name: sticky", "name: sticky.v2"),
                        "a.yaml:16:9: policy name 'sticky.v2' may contain only letters, digits and hyphens"),
                bad("reserved temporary policy name", "a.yaml", LB_HEAD + HTTP_LISTENER + STICKY_POLICY.replace("name: sticky", "name: sticky-elbr-tmp"),
                        "a.yaml:16:9: policy name 'sticky-elbr-tmp' is reserved"),
                new Case(files("a.yaml", LB_HEAD + HTTP_LISTENER, "b.yaml", LB_HEAD + HTTP_LISTENER),
                        List.of("b.yaml:4:9: load balancer 'web' is already declared at a.yaml:4:9")).named("duplicate load balancer across files"),
                bad("duplicate policy name", "a.yaml", LB_HEAD + HTTP_LISTENER + STICKY_POLICY
                                + STICKY_POLICY.replace("LBCookieStickinessPolicy", "AppCookieStickinessPolicy").replace("cookieExpirationPeriod: 60", "cookieName: SID"),
                        "a.yaml:24:9: policy 'sticky' is already declared for load balancer 'web' at a.yaml:16:9"),
                bad("dangling policy reference", "a.yaml", LB_HEAD + HTTP_LISTENER + "      policies: [stikcy]\n" + STICKY_POLICY,
                        "a.yaml:12:18: listener 80 names policy 'stikcy', but no document declares it for load balancer 'web' (did you mean 'sticky'?)"),
                bad("cookie policy on a TCP listener", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("HTTP", "TCP") + "      policies: [sticky]\n" + STICKY_POLICY,
                        "a.yaml:12:18: listener 80 uses TCP; cookie stickiness policies work only on HTTP and HTTPS listeners"),
                bad("two stickiness policies on one listener", "a.yaml", LB_HEAD + HTTP_LISTENER + "      policies: [sticky, other]\n" + STICKY_POLICY
                                + STICKY_POLICY.replace("name: sticky", "name: other"),
                        "a.yaml:12:26: listener 80 lists 2 stickiness policies; a listener takes at most one"),
                bad("HTTPS without a certificate", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("protocol: HTTP\n", "protocol: HTTPS\n").replace("loadBalancerPort: 80", "loadBalancerPort: 443"),
                        "a.yaml:8:7: a listener with protocol HTTPS needs sslCertificateId"),
                bad("certificate on an HTTP listener", "a.yaml", LB_HEAD + HTTP_LISTENER + "      sslCertificateId: arn:aws:acm:x\n",
                        "a.yaml:12:25: sslCertificateId is only for HTTPS and SSL listeners"),
                bad("duplicate listener ports", "a.yaml", LB_HEAD + HTTP_LISTENER + HTTP_LISTENER.replace("8080", "8081"),
                        "a.yaml:13:25: load balancer port 80 is used by two listeners (also at a.yaml:9:25)"),
                bad("front end and instance protocol of different layers", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("instanceProtocol: HTTP", "instanceProtocol: TCP"),
                        "a.yaml:10:25: listener 80: a HTTP front end needs an HTTP or HTTPS instance protocol, not TCP"),
                bad("unknown field with a hint", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("protocol: HTTP\n", "protocl: HTTP\n"),
                        "a.yaml:8:7: unknown field 'protocl' in spec.listeners[0] (did you mean 'protocol'?)"),
                bad("unknown field without a near match", "a.yaml", LB_HEAD + HTTP_LISTENER + "  colour: blue\n",
                        "a.yaml:12:3: unknown field 'colour' in spec (expected one of: scheme,"),
                bad("unknown kind with a hint", "a.yaml", LB_HEAD.replace("kind: LoadBalancer", "kind: LoadBalancr") + HTTP_LISTENER,
                        "a.yaml:2:7: kind: 'LoadBalancr' is not one of LoadBalancer, LBCookieStickinessPolicy, AppCookieStickinessPolicy, Settings, SSLNegotiationPolicy, ProxyProtocolPolicy, PublicKeyPolicy, BackendServerAuthenticationPolicy, Target (did you mean 'LoadBalancer'?)"),
                bad("wrong apiVersion", "a.yaml", LB_HEAD.replace("elb-reconcile/v1", "elb-reconcile/v2") + HTTP_LISTENER,
                        "a.yaml:1:13: apiVersion must be 'elb-reconcile/v1', found 'elb-reconcile/v2'"),
                bad("protocol in lower case", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("protocol: HTTP\n", "protocol: http\n"),
                        "a.yaml:8:17: spec.listeners[0].protocol: 'http' is not one of HTTP, HTTPS, TCP, SSL (did you mean 'HTTP'?)"),
                bad("missing required field", "a.yaml", LB_HEAD + HTTP_LISTENER.replace("      instancePort: 8080\n", ""),
                        "a.yaml:8:7: missing required field 'instancePort' in spec.listeners[0]"),
                bad("both availabilityZones and subnets", "a.yaml", LB_HEAD.replace("  listeners:", "  subnets: [subnet-1]\n  listeners:") + HTTP_LISTENER,
                        "a.yaml:5:1: spec: declare exactly one of availabilityZones and subnets"),
                bad("duplicate YAML key", "a.yaml", LB_HEAD.replace("  name: web\n", "  name: web\n  name: www\n") + HTTP_LISTENER,
                        "a.yaml:5:3: duplicate key 'name' (first at a.yaml:4:3)"),
                bad("YAML merge key", "a.yaml", LB_HEAD.replace("  name: web\n", "  <<: {name: web}\n") + HTTP_LISTENER,
                        "a.yaml:4:3: YAML merge keys ('<<') are not supported"),
                bad("reserved tag key", "a.yaml", LB_HEAD + HTTP_LISTENER + "  tags: {elb-reconcile:stack: prod}\n",
                        "a.yaml:12:10: tag key 'elb-reconcile:stack' is reserved"),
                bad("health check timeout not below interval", "a.yaml", LB_HEAD + HTTP_LISTENER
                                + "  healthCheck: {target: \"TCP:8080\", interval: 10, timeout: 10}\n",
                        "a.yaml:12:60: healthCheck.timeout (10) must be less than healthCheck.interval (10)"),
                bad("an access-log bucket S3 would not accept", "a.yaml", LB_HEAD + HTTP_LISTENER
                                + "  attributes:\n    accessLog: {enabled: true, s3BucketName: My_Logs}\n",
                        "a.yaml:13:46: spec.attributes.accessLog.s3BucketName: 'My_Logs' is not valid (expected an S3 bucket name"),
                bad("access log enabled without a bucket", "a.yaml", LB_HEAD + HTTP_LISTENER + "  attributes:\n    accessLog: {enabled: true}\n",
                        "a.yaml:13:5: accessLog is enabled but has no s3BucketName"),
                bad("attach-mode fields on a managed load balancer", "a.yaml", LB_HEAD + HTTP_LISTENER
                                + STICKY_POLICY + "  listenerPorts: [80]\n",
                        "a.yaml:20:18: listenerPorts is for attach mode only"),
                bad("two attach-mode policies on one listener", "a.yaml", STICKY_POLICY.replace("web", "legacy") + "  listenerPorts: [80]\n"
                                + STICKY_POLICY.replace("web", "legacy").replace("name: sticky", "name: other") + "  listenerPorts: [80, 81]\n",
                        "a.yaml:18:18: policies 'sticky' and 'other' are both attached to listener 80 of 'legacy'"),
                new Case(files("a.yaml", LB_HEAD.replace("name: web", "name: we_b") + HTTP_LISTENER,
                        "sub/b.yaml", LB_HEAD.replace("web", "api") + HTTP_LISTENER.replace("HTTP\n      loadBalancerPort", "HTTPX\n      loadBalancerPort")),
                        List.of("a.yaml:4:9: load balancer name 'we_b'", "sub/b.yaml:8:17: spec.listeners[0].protocol: 'HTTPX' is not one of"))
                        .named("every problem of every file, together"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithOneLinePerProblem(Case input, @TempDir Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file : input.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", dir.toString());

        String prefix = dir + "/";
        List<String> lines = Arrays.stream(err.toString().split("\n")).map(l -> l.replace(prefix, "")).toList();
        assertEquals(ExitCodes.ERROR, code, err.toString());
        assertEquals("", out.toString(), "nothing on stdout for invalid input");
        assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), "no stack trace: " + err);
        assertEquals(input.expected().size() + 1, lines.size(), "one line per problem plus the summary: " + lines);
        for (int i = 0; i < input.expected().size(); i++) {
            String expected = "error: " + input.expected().get(i);
            assertTrue(lines.get(i).startsWith(expected), "expected line " + (i + 1) + " to start with\n  " + expected + "\nbut was\n  " + lines.get(i));
        }
        assertTrue(lines.get(lines.size() - 1).endsWith("in the input; nothing was changed."), lines.toString());
    }

    private static Arguments bad(String name, String file, String content, String... expected) {
        return new Case(Map.of(file, content.getBytes(StandardCharsets.UTF_8)), List.of(expected)).named(name);
    }

    private static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (String level : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            yaml.append(level).append(": &").append(level).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = level;
        }
        return yaml.toString();
    }

    /** 48 aliases (under the alias limit) that would still expand to 3^16 nodes. */
    private static String wideAliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    private static byte[] binaryGarbage() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0xC3;
        bytes[1] = (byte) 0x28; // an invalid two-byte sequence right at the start
        return bytes;
    }
}
