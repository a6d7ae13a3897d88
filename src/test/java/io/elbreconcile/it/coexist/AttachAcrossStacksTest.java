package io.elbreconcile.it.coexist;

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
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two teams' repositories on one load balancer: team A's stack owns {@code api-gw}, team B's stack
 * attaches a cookie policy to it. The attach ownership tag keeps them from fighting.
 */
@ExtendWith(EmulatorExtension.class)
class AttachAcrossStacksTest {

    static final String TEAM_A = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: api-gw}
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
              tags: {team: a}
            """;

    static final String TEAM_B = """
            apiVersion: elb-reconcile/v1
            kind: LBCookieStickinessPolicy
            metadata: {name: b-sticky}
            spec: {loadBalancer: api-gw, cookieExpirationPeriod: 300, listenerPorts: [80]}
            """;

    private final EmulatorServer emulator;
    private ElasticLoadBalancingClient elb;

    @TempDir
    Path root;
    Path teamA;
    Path teamB;

    AttachAcrossStacksTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void repositories() throws IOException {
        elb = ElbClients.forEndpoint(emulator.endpoint());
        teamA = Files.createDirectories(root.resolve("team-a"));
        teamB = Files.createDirectories(root.resolve("team-b"));
        Files.writeString(teamA.resolve("api-gw.yaml"), TEAM_A);
        Files.writeString(teamB.resolve("b-sticky.yaml"), TEAM_B);
        assertEquals(0, run(teamA, "team-a", "apply", "--auto-approve").code());
        Cli.Result attach = run(teamB, "team-b", "apply", "--auto-approve");
        assertEquals(0, attach.code(), attach::toString);
    }

    @AfterEach
    void close() {
        elb.close();
    }

    private static Cli.Result run(EmulatorServer emulator, Path repo, String stack, String command, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = command;
        all[1] = repo.toString();
        all[2] = "--stack";
        all[3] = stack;
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.against(emulator, all);
    }

    private Cli.Result run(Path repo, String stack, String command, String... args) {
        return run(emulator, repo, stack, command, args);
    }

    private Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>();
        elb.describeTags(r -> r.loadBalancerNames("api-gw")).tagDescriptions().get(0).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private List<String> listenerPolicies() {
        return elb.describeLoadBalancers(r -> r.loadBalancerNames("api-gw")).loadBalancerDescriptions().get(0)
                .listenerDescriptions().get(0).policyNames();
    }

    private boolean policyExists() {
        return elb.describeLoadBalancerPolicies(r -> r.loadBalancerName("api-gw")).policyDescriptions().stream()
                .anyMatch(p -> p.policyName().equals("b-sticky"));
    }

    @Test
    void theOwnerKeepsAnotherStacksAttachedPolicy() {
        assertEquals("team-b", tags().get("elb-reconcile:attach:b-sticky"));
        assertEquals(List.of("b-sticky"), listenerPolicies());

        Cli.Result plan = run(teamA, "team-a", "plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        Cli.Result drift = run(teamA, "team-a", "drift");
        assertEquals(0, drift.code(), drift::toString);
        long writes = emulator.mutatingCallCount();
        assertEquals(0, run(teamA, "team-a", "apply", "--auto-approve").code());
        assertEquals(writes, emulator.mutatingCallCount(), "team A's apply touched team B's policy");
        assertEquals(List.of("b-sticky"), listenerPolicies());

        // And team B sees nothing to do either: the two stacks agree.
        Cli.Result planB = run(teamB, "team-b", "plan", "--detailed-exitcode");
        assertEquals(0, planB.code(), planB::toString);
    }

    @Test
    void importLeavesAnotherStacksAttachedPolicyToIt() throws IOException {
        Path imported = Files.createDirectories(root.resolve("imported"));
        Cli.Result result = Cli.against(emulator, "import", "--load-balancer", "api-gw", "--out", imported.toString());
        assertEquals(0, result.code(), result::toString);
        String yaml = Files.readString(imported.resolve("api-gw.yaml"));
        assertFalse(yaml.contains("name: b-sticky"), yaml);
        assertTrue(yaml.contains("left to them: b-sticky"), yaml);
        Cli.Result plan = run(imported, "team-a", "plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
    }

    @Test
    void withoutTheTagTheOwnerWouldDeleteItAsAnOrphan() {
        elb.removeTags(r -> r.loadBalancerNames("api-gw").tags(TagKeyOnly.builder().key("elb-reconcile:attach:b-sticky").build()));
        Cli.Result plan = run(teamA, "team-a", "plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("orphan: declared in no document"), plan::toString);
        // Team B's next apply restores the tag, and the owner is at peace again.
        assertEquals(0, run(teamB, "team-b", "apply", "--auto-approve").code());
        assertEquals(0, run(teamA, "team-a", "plan", "--detailed-exitcode").code());
    }

    @Test
    void removingTheAttachDocumentRemovesThePolicyAndTheTag() throws IOException {
        Files.delete(teamB.resolve("b-sticky.yaml"));
        // Team B's repository goes on with a load balancer of its own.
        Files.writeString(teamB.resolve("own.yaml"), TEAM_A.replace("api-gw", "b-own").replace("team: a", "team: b"));
        Cli.Result apply = run(teamB, "team-b", "apply", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertFalse(policyExists());
        assertFalse(tags().containsKey("elb-reconcile:attach:b-sticky"));
        assertEquals(List.of(), listenerPolicies());
        assertEquals("a", tags().get("team"), "nothing else on the owner's load balancer was touched");
        assertEquals(0, run(teamA, "team-a", "plan", "--detailed-exitcode").code());
    }

    @Test
    void ensureAbsentRemovesThePolicyAndTheTag() throws IOException {
        Files.writeString(teamB.resolve("b-sticky.yaml"), TEAM_B.replace("listenerPorts: [80]}", "ensure: absent}"));
        Cli.Result apply = run(teamB, "team-b", "apply", "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertFalse(policyExists());
        assertFalse(tags().containsKey("elb-reconcile:attach:b-sticky"));
    }

    @Test
    void aThirdStackCannotTakeOverTheSamePolicy() throws IOException {
        Path teamC = Files.createDirectories(root.resolve("team-c"));
        Files.writeString(teamC.resolve("b-sticky.yaml"), TEAM_B);
        long writes = emulator.mutatingCallCount();
        Cli.Result plan = run(teamC, "team-c", "apply", "--auto-approve");
        assertEquals(1, plan.code(), plan::toString);
        assertTrue(plan.err().contains("was attached by stack 'team-b'"), plan::toString);
        assertEquals(writes, emulator.mutatingCallCount());
    }
}
