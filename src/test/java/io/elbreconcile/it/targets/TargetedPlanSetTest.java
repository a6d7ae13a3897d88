package io.elbreconcile.it.targets;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan of Target documents saved with {@code --target}: apply checks every target's part as it
 * was made, only the targeted load balancers. A change outside the target does not make it stale;
 * a change to a targeted load balancer does, and nothing is written.
 */
@ExtendWith(EmulatorExtension.class)
class TargetedPlanSetTest {

    private static final String TARGET = "LoadBalancer/api";

    @TempDir
    Path dir;

    private EmulatorServer emulator;
    private Path repo;
    private Path planFile;

    /** Repository's three targets, staging with a second load balancer, admin, that no --target covers. */
    @BeforeEach
    void savedWithATarget(EmulatorServer server) {
        emulator = server;
        repo = Repository.write(dir.resolve("repo"), emulator.endpoint().toString());
        Repository.file(repo.resolve("staging/admin.yaml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: admin}
                spec:
                  availabilityZones: [us-east-1b]
                  listeners:
                    - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
                """);
        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve");
        assertEquals(0, applied.code(), applied::toString);
        // Another writer takes the cookie policy off both of staging's listeners: a change to plan for each.
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            for (String name : List.of("api", "admin")) {
                elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(name).loadBalancerPort(80).policyNames(List.of()));
            }
        }
        planFile = dir.resolve("plan.json");
        int from = emulator.callLog().size();
        Cli.Result planned = Cli.run("plan", repo.toString(), "--target", TARGET, "--out", planFile.toString(),
                "--detailed-exitcode");
        assertEquals(2, planned.code(), planned::toString);
        assertTrue(planned.err().contains("Saved the plan of 3 targets to " + planFile), planned::toString);
        assertEquals(List.of(), callsNaming("admin", from), "no --target covers admin: it is not even read");
    }

    /** The calls since {@code from} that name this load balancer in any parameter. */
    private List<String> callsNaming(String loadBalancer, int from) {
        List<RecordedCall> log = emulator.callLog();
        return log.subList(from, log.size()).stream().filter(call -> call.parameters().containsValue(loadBalancer))
                .map(RecordedCall::action).toList();
    }

    private void tagBehindItsBack(String loadBalancer) {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            elb.addTags(r -> r.loadBalancerNames(loadBalancer).tags(Tag.builder().key("stray").value("x").build()));
        }
    }

    private List<String> listenerPolicies(String loadBalancer) {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            return elb.describeLoadBalancers(r -> r.loadBalancerNames(loadBalancer)).loadBalancerDescriptions().get(0)
                    .listenerDescriptions().get(0).policyNames();
        }
    }

    @Test
    void aChangeOutsideTheTargetLeavesThePlanSetValidAndUntouched() {
        tagBehindItsBack("admin");
        int from = emulator.callLog().size();
        Cli.Result applied = Cli.run("apply", planFile.toString(), "--target", TARGET, "--auto-approve");
        assertEquals(0, applied.code(), applied::toString);
        assertTrue(applied.out().contains("staging: Apply complete: 1 done"), applied::toString);
        assertEquals(List.of("sticky"), listenerPolicies("api"));
        assertEquals(List.of(), callsNaming("admin", from), "the check reads what the plan read, not admin");
        assertEquals(List.of(), listenerPolicies("admin"), "admin lies outside --target " + TARGET);
    }

    @Test
    void aChangeToATargetedLoadBalancerMakesThePlanSetStaleAndNothingIsWritten() {
        tagBehindItsBack("api");
        long writes = emulator.mutatingCallCount();
        Cli.Result applied = Cli.run("apply", planFile.toString(), "--target", TARGET, "--auto-approve");
        assertEquals(1, applied.code(), applied::toString);
        assertTrue(applied.out().contains("error: Tags/api changed since the plan was made"), applied::toString);
        assertTrue(applied.err().contains("a target's saved plan is stale, for another target or edited"), applied::toString);
        assertEquals(writes, emulator.mutatingCallCount());
        assertEquals(List.of(), listenerPolicies("api"));
    }
}
