package io.elbreconcile.it.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRODUCT.md section 16 end to end through the real SDK: one repository, three targets in two
 * accounts and two regions, the same load balancer name in two of them, each target reaching the
 * emulator at its own endpointUrl, prod's through an assumed role.
 */
@ExtendWith(EmulatorExtension.class)
class MultiTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void planApplyDriftAndAChangeInOneTargetOnly(EmulatorServer emulator) throws IOException {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());

        Cli.Result validated = Cli.run("validate", repo.toString());
        assertEquals(0, validated.code(), validated.toString());
        assertTrue(validated.out().contains("3 targets"), validated.out());

        Cli.Result planned = Cli.run("plan", repo.toString(), "--detailed-exitcode", "--no-color");
        assertEquals(2, planned.code(), planned.toString());
        List<String> headings = planned.outLines().stream().filter(line -> line.startsWith("=== target")).toList();
        assertEquals(List.of("=== target prod-eu (eu-west-1, account 111111111111) ===",
                "=== target prod-us (us-east-1, account 111111111111) ===",
                "=== target staging (us-east-1) ==="), headings);
        assertTrue(planned.out().endsWith("3 targets: 3 ok, 0 failed\n"), planned.out());
        assertEquals(0, emulator.mutatingCallCount(), "plan changes nothing");

        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve", "--no-color");
        assertEquals(0, applied.code(), applied.toString());
        assertTrue(applied.out().contains("prod-eu: Apply complete"), applied.out());

        // Each account and region holds exactly its own load balancers.
        assertEquals(List.of("web"), names(emulator, "ASIA" + Repository.PROD_ACCOUNT + "TEST", Region.US_EAST_1));
        assertEquals(List.of("web"), names(emulator, "ASIA" + Repository.PROD_ACCOUNT + "TEST", Region.EU_WEST_1));
        assertEquals(List.of("api"), names(emulator, "AKIDTEST", Region.US_EAST_1));
        assertEquals(List.of(), names(emulator, "AKIDTEST", Region.EU_WEST_1));

        // The role was assumed through STS, with the external id where the Target gives one.
        List<RecordedCall> assumed = emulator.callLog().stream().filter(call -> call.action().equals("sts:AssumeRole")).toList();
        assertFalse(assumed.isEmpty(), "prod targets assume their role");
        assertTrue(assumed.stream().allMatch(call -> call.parameters().get("RoleArn").equals(Repository.PROD_ROLE)));
        assertTrue(assumed.stream().anyMatch(call -> "platform-team".equals(call.parameters().get("ExternalId"))));
        assertTrue(assumed.stream().anyMatch(call -> call.parameters().get("ExternalId") == null));

        long writes = emulator.mutatingCallCount();
        Cli.Result again = Cli.run("apply", repo.toString(), "--auto-approve");
        assertEquals(0, again.code(), again.toString());
        assertEquals(writes, emulator.mutatingCallCount(), "a second apply writes nothing");
        assertEquals(0, Cli.run("plan", repo.toString(), "--detailed-exitcode").code());

        // A change in one target only: prod-eu's cookie.
        Repository.file(repo.resolve("prod/eu-west-1/lbs/web.yaml"), Repository.loadBalancer("web", "eu-west-1a", 120));
        Cli.Result json = Cli.run("plan", repo.toString(), "--format", "json", "--detailed-exitcode");
        assertEquals(2, json.code(), json.toString());
        JsonNode targets = JSON.readTree(json.out()).get("targets");
        TreeMap<String, Boolean> changed = new TreeMap<>();
        targets.forEach(t -> changed.put(t.get("name").asText(), t.get("plan").get("changes").findValues("action").stream()
                .anyMatch(action -> !action.asText().equals("noop"))));
        assertEquals("{prod-eu=true, prod-us=false, staging=false}", changed.toString());
        assertEquals(Repository.PROD_ACCOUNT, targets.get(0).get("account").asText());
        assertValid("targets-v1.schema.json", json.out());
        for (JsonNode t : targets) {
            assertValid("plan-v1.schema.json", t.get("plan").toString());
        }

        // Only that target is applied: the others stay as they were.
        Cli.Result onlyEu = Cli.run("apply", repo.toString(), "--auto-approve", "--only-target", "prod-eu");
        assertEquals(0, onlyEu.code(), onlyEu.toString());
        assertFalse(onlyEu.out().contains("prod-us"), onlyEu.out());
        assertEquals(0, Cli.run("drift", repo.toString()).code());

        // Drift outside Git in one target: staging's policy removed from its listener.
        try (ElasticLoadBalancingClient elb = client(emulator, "AKIDTEST", Region.US_EAST_1)) {
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("api").loadBalancerPort(80).policyNames(List.of()));
        }
        Cli.Result drift = Cli.run("drift", repo.toString(), "--format", "json");
        assertEquals(2, drift.code(), drift.toString());
        TreeMap<String, Integer> differences = new TreeMap<>();
        JSON.readTree(drift.out()).get("targets").forEach(t ->
                differences.put(t.get("name").asText(), t.get("drift").get("differences").size()));
        assertEquals("{prod-eu=0, prod-us=0, staging=1}", differences.toString());
        assertValid("targets-v1.schema.json", drift.out());
        for (JsonNode t : JSON.readTree(drift.out()).get("targets")) {
            assertValid("drift-v1.schema.json", t.get("drift").toString());
        }
    }

    @Test
    void anUnreachableTargetFailsWhileTheOthersAreApplied(EmulatorServer emulator) throws IOException {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Repository.file(repo.resolve("broken/target.yaml"), Repository.target("broken", "us-west-2",
                "http://127.0.0.1:" + closedPort, "  roleArn: arn:aws:iam::999999999999:role/x\n"));
        Repository.file(repo.resolve("broken/web.yaml"), Repository.loadBalancer("web", "us-west-2a", 60));

        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve", "--no-color", "--call-timeout", "5");
        assertEquals(1, applied.code(), applied.toString());
        assertTrue(applied.out().contains("=== target broken (us-west-2, account 999999999999) ===\nerror: DescribeLoadBalancers:"
                + " AssumeRoleFailed: cannot assume the role arn:aws:iam::999999999999:role/x (http://127.0.0.1:" + closedPort + "): "),
                applied.out());
        assertTrue(applied.out().contains("broken: not applied: "), applied.out());
        assertTrue(applied.out().contains("4 targets: 3 ok, 1 failed (broken)"), applied.out());
        assertEquals(List.of("web"), names(emulator, "ASIA" + Repository.PROD_ACCOUNT + "TEST", Region.EU_WEST_1));
        assertEquals(List.of("api"), names(emulator, "AKIDTEST", Region.US_EAST_1));

        Cli.Result drift = Cli.run("drift", repo.toString());
        assertEquals(1, drift.code(), "an error is worse than drift: " + drift);
    }

    @Test
    void theEmbeddedEmulatorStandsInForEveryTargetsEndpoint() {
        Path repo = Repository.write(dir.resolve("repo"), null);
        Path state = dir.resolve("emulator.json");
        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve", "--emulator=" + state);
        assertEquals(0, applied.code(), applied.toString());
        Cli.Result plan = Cli.run("plan", repo.toString(), "--emulator=" + state, "--detailed-exitcode");
        assertEquals(0, plan.code(), plan.toString());
        Cli.Result one = Cli.run("plan", repo.toString(), "--emulator=" + state, "--only-target", "staging", "--no-color");
        assertEquals(List.of("=== target staging (us-east-1) ==="),
                one.outLines().stream().filter(line -> line.startsWith("===")).toList());
        assertTrue(Files.isRegularFile(state));
    }

    @Test
    void oneMarkdownCommentForAllTargetsStaysUnderTheBound(EmulatorServer emulator) {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        for (String target : List.of("prod/us-east-1", "prod/eu-west-1", "staging")) {
            String zone = target.contains("eu-west-1") ? "eu-west-1a" : "us-east-1a";
            for (int i = 0; i < 40; i++) {
                Repository.file(repo.resolve(target + "/many/lb-" + i + ".yaml"),
                        Repository.loadBalancer("many-" + i, zone, 60).replace("name: sticky", "name: sticky-" + i)
                                .replace("policies: [sticky]", "policies: [sticky-" + i + "]"));
            }
        }
        Cli.Result markdown = Cli.run("plan", repo.toString(), "--format", "markdown", "--max-chars", "9000");
        assertEquals(0, markdown.code(), markdown.toString());
        assertTrue(markdown.out().length() <= 9000, "length " + markdown.out().length());
        assertEquals(3, markdown.outLines().stream().filter(line -> line.startsWith("## Target `")).count(), markdown.out());
        assertTrue(markdown.out().endsWith("3 targets: 3 ok, 0 failed\n"), markdown.out());
    }

    @Test
    void aSavedPlanRecordsEveryTargetAndIsRefusedWhenStaleEditedOrForAnotherTarget(EmulatorServer emulator) throws IOException {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        Path planFile = dir.resolve("plan.json");
        Cli.Result planned = Cli.run("plan", repo.toString(), "--out", planFile.toString(), "--detailed-exitcode");
        assertEquals(2, planned.code(), planned.toString());
        assertTrue(planned.err().contains("Saved the plan of 3 targets to " + planFile), planned.err());
        JsonNode saved = JSON.readTree(Files.readString(planFile));
        List<String> names = new java.util.ArrayList<>();
        saved.get("targets").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("prod-eu", "prod-us", "staging"), names);
        // Each target records its own files, its Target document included, and nothing of the others.
        List<String> files = new java.util.ArrayList<>();
        saved.get("targets").get(2).get("plan").get("desiredState").get("files").forEach(f -> files.add(f.get("path").asText()));
        assertEquals(List.of(repo.resolve("staging/api.yaml").toString(), repo.resolve("staging/target.yaml").toString()), files);

        // Edited: one target's recorded Target document now names another region.
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, Files.readString(planFile).replace("region: us-east-1\\n  endpointUrl", "region: us-west-2\\n  endpointUrl"));
        Cli.Result refusedEdit = Cli.run("apply", edited.toString(), "--auto-approve");
        assertEquals(1, refusedEdit.code(), refusedEdit.toString());
        assertTrue(refusedEdit.err().contains("desiredState.digest does not match"), refusedEdit.err());
        // For another target: the embedded emulator instead of the recorded endpoints.
        Cli.Result elsewhere = Cli.run("apply", planFile.toString(), "--auto-approve", "--emulator=" + dir.resolve("other.json"));
        assertEquals(1, elsewhere.code(), elsewhere.toString());
        assertTrue(elsewhere.err().contains("a target's saved plan is stale, for another target or edited"), elsewhere.err());
        assertEquals(0, emulator.mutatingCallCount());

        Cli.Result applied = Cli.run("apply", planFile.toString(), "--auto-approve");
        assertEquals(0, applied.code(), applied.toString());
        assertEquals(3, applied.outLines().stream().filter(line -> line.contains(": Apply complete: 3 done")).count(), applied.out());
        long writes = emulator.mutatingCallCount();
        Cli.Result again = Cli.run("apply", planFile.toString(), "--auto-approve");
        assertEquals(1, again.code(), "applied once, the plan is stale: " + again);
        assertEquals(writes, emulator.mutatingCallCount());
    }

    @Test
    void aSignedPlanOfTargetsKeepsEveryTarget(EmulatorServer emulator) throws IOException {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        Path planFile = dir.resolve("plan.json");
        java.util.Map<String, String> key = java.util.Map.of("ELB_RECONCILE_PLAN_KEY", "shared secret");
        assertEquals(0, withEnv(key, "plan", repo.toString(), "--out", planFile.toString()).code());
        JsonNode saved = JSON.readTree(Files.readString(planFile));
        assertTrue(saved.get("mac").asText().startsWith("hmac-sha256:"));
        // Dropping a target (here: staging) breaks the MAC over the whole file.
        com.fasterxml.jackson.databind.node.ObjectNode dropped = saved.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) dropped.get("targets")).remove(2);
        Path smaller = dir.resolve("smaller.json");
        Files.writeString(smaller, dropped.toPrettyString());
        Cli.Result refused = withEnv(key, "apply", smaller.toString(), "--auto-approve");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("its MAC does not match ELB_RECONCILE_PLAN_KEY"), refused.err());
        Cli.Result unsigned = Cli.run("apply", planFile.toString(), "--auto-approve");
        assertEquals(1, unsigned.code());
        assertTrue(unsigned.err().contains("it carries a MAC but ELB_RECONCILE_PLAN_KEY is not set"), unsigned.err());
        assertEquals(0, emulator.mutatingCallCount());
        assertEquals(0, withEnv(key, "apply", planFile.toString(), "--auto-approve").code());
    }

    private static Cli.Result withEnv(java.util.Map<String, String> env, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.elbreconcile.cli.Main.run(java.io.InputStream.nullInputStream(), env, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void theMultiAccountExampleConvergesOffline() {
        Path example = Path.of("examples", "multi-account");
        Path state = dir.resolve("emulator.json");
        Cli.Result first = Cli.run("apply", example.toString(), "--auto-approve", "--emulator=" + state, "--no-color");
        assertEquals(0, first.code(), first.toString());
        assertEquals(3, first.outLines().stream().filter(line -> line.contains(": Apply complete: 3 done")).count(), first.out());
        Cli.Result second = Cli.run("apply", example.toString(), "--auto-approve", "--emulator=" + state, "--no-color");
        assertEquals(0, second.code(), second.toString());
        assertEquals(3, second.outLines().stream().filter(line -> line.startsWith("No changes.")).count(), second.out());
        assertEquals(0, Cli.run("drift", example.toString(), "--emulator=" + state).code());
    }

    @Test
    void commandLineTargetOptionsAndUnknownTargetsAreRefused(EmulatorServer emulator) {
        Path repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        Cli.Result region = Cli.run("plan", repo.toString(), "--region", "eu-west-1");
        assertEquals(1, region.code());
        assertEquals("error: --region cannot be used with Target documents: each target names its own region, profile,"
                + " role and endpoint (--emulator may stand in for all of them)\n", region.err());
        Cli.Result unknown = Cli.run("drift", repo.toString(), "--only-target", "prod");
        assertEquals(1, unknown.code());
        assertEquals("error: --only-target 'prod': no such target; the input's targets are prod-eu, prod-us, staging\n", unknown.err());
        // A directory below a Target belongs to it, whatever the command line says.
        Cli.Result below = Cli.against(emulator, "apply", repo.resolve("prod/eu-west-1/lbs").toString(), "--auto-approve");
        assertEquals(1, below.code());
        assertEquals("error: " + repo.resolve("prod/eu-west-1/lbs") + " lies below the Target document at "
                + repo.resolve("prod/eu-west-1/target.yaml") + ":2:1, which its documents belong to; run on that Target's"
                + " directory (or the repository's root with --only-target NAME)\n", below.err());
        assertEquals(0, emulator.mutatingCallCount());
    }

    private static void assertValid(String schemaFile, String json) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(Path.of("schemas", schemaFile))) {
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
            var problems = schema.validate(JSON.readTree(json));
            assertTrue(problems.isEmpty(), schemaFile + ": " + problems);
        }
    }

    private static List<String> names(EmulatorServer emulator, String accessKey, Region region) {
        try (ElasticLoadBalancingClient elb = client(emulator, accessKey, region)) {
            return elb.describeLoadBalancers().loadBalancerDescriptions().stream().map(LoadBalancerDescription::loadBalancerName)
                    .sorted().toList();
        }
    }

    /** A client acting for the account its access key id names (as the emulator's STS hands them out). */
    private static ElasticLoadBalancingClient client(EmulatorServer emulator, String accessKey, Region region) {
        return ElasticLoadBalancingClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
