package io.elbreconcile.it.importer;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import} through the CLI against the real emulator over HTTP: a varied fleet built with
 * the SDK, imported, then validated and planned with no change.
 */
@ExtendWith(EmulatorExtension.class)
class ImportCommandTest {

    static final String CERT = "arn:aws:iam::123456789012:server-certificate/web/2026-cert";
    static final String ACM_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    @TempDir
    Path dir;

    ImportCommandTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void client() {
        elb = ElbClients.forEndpoint(emulator.endpoint());
    }

    @AfterEach
    void close() {
        elb.close();
    }

    private static Listener listener(String protocol, int port, String instanceProtocol, int instancePort, String cert) {
        return Listener.builder().protocol(protocol).loadBalancerPort(port).instanceProtocol(instanceProtocol)
                .instancePort(instancePort).sslCertificateId(cert).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** Everything the language models, and some things it does not. */
    private void buildFleet() {
        // web: internet-facing, HTTP and HTTPS, a policy on several listeners, one on none, an app cookie,
        // non-default attributes with an access log, awkward tag values.
        elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1b", "us-east-1a")
                .listeners(listener("HTTP", 80, "HTTP", 8080, null),
                        listener("HTTPS", 443, "HTTP", 8080, CERT),
                        listener("HTTPS", 8443, "HTTPS", 8443, ACM_CERT))
                .tags(tag("team", "web"), tag("cost-center", "4711"), tag("billable", "true"), tag("owner", "null"),
                        tag("note", "a: b"), tag("empty", ""), tag("eq", "k=v"),
                        tag("elb-reconcile:stack", "prod"), tag("version", "1.0"), tag("octal", "0755"),
                        tag("Yes", "no"), tag("dash", "-1"), tag("plus", "+1"), tag("colon", ":x"), tag("float", "1e3"), tag("lead", " spaced "), tag("at", "@team"), tag("unicode", "Grüße")));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("sticky-60").cookieExpirationPeriod(60L));
        elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("spare"));
        elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName("web").policyName("app").cookieName("JSESSIONID"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(80).policyNames("sticky-60"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("tls-web")
                .policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("Reference-Security-Policy")
                        .attributeValue("ELBSecurityPolicy-TLS-1-2-2017-01").build()));
        // a cookie policy and an unmodelled one on the same listener: the plan keeps both
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(443).policyNames("tls-web", "sticky-60"));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("web").loadBalancerPort(8443).policyNames("app"));
        elb.configureHealthCheck(r -> r.loadBalancerName("web").healthCheck(h -> h.target("HTTP:8080/health?full=1")
                .interval(15).timeout(4).healthyThreshold(3).unhealthyThreshold(5)));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("web").loadBalancerAttributes(a -> a
                .crossZoneLoadBalancing(c -> c.enabled(true))
                .connectionDraining(c -> c.enabled(true).timeout(120))
                .connectionSettings(c -> c.idleTimeout(300))
                .accessLog(l -> l.enabled(true).s3BucketName("logs-bucket").s3BucketPrefix("elb/web").emitInterval(5))));

        // internal: VPC, subnets and security groups, TCP and SSL listeners, a proxy protocol policy.
        elb.createLoadBalancer(r -> r.loadBalancerName("internal-db").scheme("internal")
                .subnets("subnet-0bb1c79de3f1a2b3c", "subnet-0aa1c79de3f1a2b3c").securityGroups("sg-0123456789abcdef0")
                .listeners(listener("TCP", 5432, "TCP", 5432, null), listener("SSL", 6432, "TCP", 5432, CERT)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("internal-db").policyName("proxy")
                .policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("ProxyProtocol").attributeValue("true").build()));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("internal-db").instancePort(5432).policyNames("proxy"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("internal-db").policyName("tls-2")
                .policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(PolicyAttribute.builder().attributeName("Reference-Security-Policy")
                        .attributeValue("ELBSecurityPolicy-TLS-1-2-2017-01").build()));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("internal-db").loadBalancerPort(6432).policyNames("tls-2"));
        elb.configureHealthCheck(r -> r.loadBalancerName("internal-db").healthCheck(h -> h.target("TCP:5432")
                .interval(10).timeout(5).healthyThreshold(2).unhealthyThreshold(2)));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("internal-db").loadBalancerAttributes(a -> a
                .connectionDraining(c -> c.enabled(false).timeout(30))));

        // plain: everything at AWS's defaults.
        elb.createLoadBalancer(r -> r.loadBalancerName("plain").availabilityZones("us-east-1c")
                .listeners(listener("HTTP", 80, "HTTP", 80, null))
                .tags(tag("elb-reconcile:protect", "true")));
    }

    private Cli.Result importAll(Path out) {
        return Cli.against(emulator, "import", "--all", "--out", out.toString());
    }

    @Test
    void importAllThenValidateAndPlanShowNoChange() throws IOException {
        buildFleet();
        Path out = dir.resolve("imported");
        Cli.Result imported = importAll(out);
        assertEquals(0, imported.code(), imported::toString);
        assertEquals(List.of("internal-db.yaml", "plain.yaml", "web.yaml"), files(out), imported::toString);
        assertTrue(imported.err().contains("Imported 3 load balancers."), imported::toString);

        Cli.Result validate = Cli.run("validate", out.toString());
        assertEquals(0, validate.code(), () -> validate + "\n" + dump(out));

        long mutating = emulator.mutatingCallCount();
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + dump(out));
        Cli.Result drift = Cli.against(emulator, "drift", out.toString());
        assertEquals(0, drift.code(), () -> drift + "\n" + dump(out));
        assertEquals(mutating, emulator.mutatingCallCount(), "import, plan and drift only read");

        String web = Files.readString(out.resolve("web.yaml"));
        assertTrue(web.contains("sslCertificateId: " + CERT) || web.contains("sslCertificateId: \"" + CERT + "\""), web);
        String db = Files.readString(out.resolve("internal-db.yaml"));
        assertTrue(db.contains("proxy") && db.contains("tls-2"), "unmodelled policies are listed in a comment\n" + db);
        assertTrue(db.contains("scheme: internal"), db);
        assertTrue(Files.readString(out.resolve("plain.yaml")).contains("protect: true"), dump(out));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"yes", "True", ""})
    void aProtectTagWithAnyValueButFalseImportsAsProtectedAndPlansNoChange(String value) throws IOException {
        elb.createLoadBalancer(r -> r.loadBalancerName("guarded").availabilityZones("us-east-1a")
                .listeners(listener("HTTP", 80, "HTTP", 80, null))
                .tags(tag("elb-reconcile:protect", value)));
        Path out = dir.resolve("imported");

        Cli.Result imported = importAll(out);

        assertEquals(0, imported.code(), imported::toString);
        assertTrue(Files.readString(out.resolve("guarded.yaml")).contains("protect: true"), dump(out));
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + dump(out));
    }

    @Test
    void importedFleetSurvivesAnApplyUntouched() throws IOException {
        buildFleet();
        Path out = dir.resolve("imported");
        assertEquals(0, importAll(out).code());
        long mutating = emulator.mutatingCallCount();
        Cli.Result apply = Cli.against(emulator, "apply", out.toString(), "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(mutating, emulator.mutatingCallCount(), () -> "apply of an import changed something\n" + apply);
    }

    @Test
    void importOneLoadBalancerByName() throws IOException {
        buildFleet();
        Path out = dir.resolve("one");
        Cli.Result imported = Cli.against(emulator, "import", "--load-balancer", "internal-db", "--out", out.toString());
        assertEquals(0, imported.code(), imported::toString);
        assertEquals(List.of("internal-db.yaml"), files(out));
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + dump(out));

        Cli.Result stdout = Cli.against(emulator, "import", "--load-balancer", "web");
        assertEquals(0, stdout.code(), stdout::toString);
        Path single = dir.resolve("web-stdout.yaml");
        Files.writeString(single, stdout.out());
        Cli.Result planStdout = Cli.against(emulator, "plan", single.toString(), "--detailed-exitcode");
        assertEquals(0, planStdout.code(), () -> planStdout + "\n" + stdout.out());
    }

    @Test
    void unknownNameIsExitOneWithOneLineAndNothingWritten() throws IOException {
        buildFleet();
        Path out = dir.resolve("none");
        Cli.Result result = Cli.against(emulator, "import", "--load-balancer", "web", "--load-balancer", "nope", "--out", out.toString());
        assertEquals(1, result.code(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().contains("nope"), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
        assertEquals("", result.out());
        assertFalse(Files.exists(out.resolve("web.yaml")), "nothing written when one name is unknown");

        Cli.Result neither = Cli.against(emulator, "import", "--out", out.toString());
        assertEquals(1, neither.code(), neither::toString);
        Cli.Result stackWithNames = Cli.against(emulator, "import", "--load-balancer", "web", "--stack", "prod");
        assertEquals(1, stackWithNames.code(), stackWithNames::toString);
        assertEquals(1, stackWithNames.errLines().size(), stackWithNames::toString);
    }

    @Test
    void refusesToOverwriteExistingFiles() throws IOException {
        buildFleet();
        Path out = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(out.resolve("web.yaml"), "# mine\n");
        Cli.Result result = importAll(out);
        assertEquals(1, result.code(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().contains("web.yaml"), result::toString);
        assertEquals("# mine\n", Files.readString(out.resolve("web.yaml")));
        assertEquals(List.of("web.yaml"), files(out), "nothing else written either");
    }

    @Test
    void refusesToDeclareALoadBalancerTheDirectoryDeclaresAlready() throws IOException {
        buildFleet();
        Path repo = dir.resolve("repo");
        assertEquals(0, Cli.against(emulator, "import", "--load-balancer", "web", "--out", repo.resolve("lbs").toString()).code());
        Files.move(repo.resolve("lbs/web.yaml"), repo.resolve("lbs/frontend.yaml"));

        Cli.Result again = Cli.against(emulator, "import", "--load-balancer", "web", "--load-balancer", "internal-db",
                "--out", repo.toString());

        assertEquals(1, again.code(), again::toString);
        assertEquals(1, again.errLines().size(), again::toString);
        assertTrue(again.err().contains("load balancer 'web' is already declared at " + repo.resolve("lbs/frontend.yaml") + ":"),
                again::toString);
        assertEquals(List.of("lbs"), files(repo), "nothing written, not even internal-db");
        assertEquals(0, Cli.run("validate", repo.toString()).code());
    }

    @Test
    void outMustBeADirectory() throws IOException {
        buildFleet();
        Path file = Files.writeString(dir.resolve("fleet.yaml"), "# mine\n");
        Cli.Result result = importAll(file);
        assertEquals(1, result.code(), result::toString);
        assertEquals(List.of("error: --out " + file + " is a file; give a directory (it is created if missing)"), result.errLines());
        assertEquals("# mine\n", Files.readString(file));
    }

    @Test
    void emptyRegionImportsNothing() {
        Path out = dir.resolve("empty");
        Cli.Result result = importAll(out);
        assertEquals(0, result.code(), result::toString);
        assertTrue(result.err().contains("Imported 0 load balancers."), result::toString);
    }

    @Test
    void importAllOfOneStack() throws IOException {
        buildFleet();
        Path out = dir.resolve("prod");
        Cli.Result result = Cli.against(emulator, "import", "--all", "--stack", "prod", "--out", out.toString());
        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of("web.yaml"), files(out));
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--stack", "prod", "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + dump(out));
    }

    @Test
    void importAllToStdoutIsOneStreamThatPlansNoChange() throws IOException {
        buildFleet();
        Cli.Result imported = Cli.against(emulator, "import", "--all");
        assertEquals(0, imported.code(), imported::toString);
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, imported.out());
        Cli.Result plan = Cli.against(emulator, "plan", fleet.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + imported.out());
    }

    @Test
    void aLoadBalancerWithoutListenersIsImportedWithANote() throws IOException {
        elb.createLoadBalancer(r -> r.loadBalancerName("bare").availabilityZones("us-east-1a")
                .listeners(listener("HTTP", 80, "HTTP", 80, null)));
        elb.deleteLoadBalancerListeners(r -> r.loadBalancerName("bare").loadBalancerPorts(80));
        Path out = dir.resolve("bare");
        Cli.Result imported = importAll(out);
        assertEquals(0, imported.code(), imported::toString);
        assertTrue(imported.err().contains("note: bare: has no listener"), imported::toString);
        Cli.Result validate = Cli.run("validate", out.toString());
        assertEquals(0, validate.code(), "the round trip holds for every live state:\n" + validate);
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);

        elb.deleteLoadBalancer(r -> r.loadBalancerName("bare"));
        long writes = emulator.mutatingCallCount();
        Cli.Result cannotCreate = Cli.against(emulator, "apply", out.toString(), "--auto-approve");
        assertEquals(1, cannotCreate.code(), cannotCreate::toString);
        assertTrue(cannotCreate.err().contains("bare.yaml:") && cannotCreate.err().contains("declares no listener"),
                cannotCreate::toString);
        assertEquals(writes, emulator.mutatingCallCount(), "refused before any call");
    }

    static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String dump(Path dir) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                all.append("==== ").append(file.getFileName()).append('\n').append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            all.append(e);
        }
        return all.toString();
    }
}
