package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan --out FILE} then {@code apply FILE}: converges when fresh, refused when stale or foreign. */
@ExtendWith(EmulatorExtension.class)
class ApplyPlanFileTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";

    @TempDir
    Path dir;

    private Harness.Result applyPlanFile(EmulatorServer emulator, Path planFile) {
        return cli(concat(new String[] {"apply", planFile.toString(), "--auto-approve"}, target(emulator)));
    }

    private Path savedPlan(EmulatorServer emulator, Path input) {
        Path planFile = dir.resolve("plan.json");
        Harness.Result planned = plan(emulator, input, "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());
        assertTrue(Files.isRegularFile(planFile), "plan --out wrote no file");
        return planFile;
    }

    @Test
    void aFreshSavedPlanConverges(EmulatorServer emulator) {
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));
        Path planFile = savedPlan(emulator, input);
        assertEquals(0, emulator.mutatingCallCount(), "plan --out changed the world");

        Harness.Result applied = applyPlanFile(emulator, planFile);

        assertEquals(0, applied.code(), applied.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(List.of(POLICY), listenerPolicies(elb, LB, 80));
        assertEquals("60", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
        assertEquals(0, plan(emulator, input, "--detailed-exitcode").code(), "not converged after applying the saved plan");
    }

    @Test
    void aSavedReplacementConvergesToo(EmulatorServer emulator) {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        Path v2 = write(dir.resolve("v2"), "lb.yaml", quickstart(120));
        Harness.Result applied = applyPlanFile(emulator, savedPlan(emulator, v2));

        assertEquals(0, applied.code(), applied.both());
        assertEquals(Map.of(POLICY, Map.of("type", "LBCookieStickinessPolicyType", "CookieExpirationPeriod", "120")),
                policies(sdk(emulator), LB));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    @Test
    void aPlanMadeStaleByAChangeBehindItsBackIsRefusedWithoutAMutatingCall(EmulatorServer emulator) {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60))).code());
        Path planFile = savedPlan(emulator, write(dir.resolve("v2"), "lb.yaml", quickstart(120)));
        ElasticLoadBalancingClient elb = sdk(emulator);
        // Someone else detaches the policy between plan and apply.
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80).policyNames(List.of()));
        long mutating = emulator.mutatingCallCount();

        Harness.Result applied = applyPlanFile(emulator, planFile);

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.err().contains(LB) && applied.err().contains("changed since the plan was made"), applied.both());
        assertTrue(applied.err().contains("stale"), applied.both());
        assertEquals(mutating, emulator.mutatingCallCount(), "a stale plan made a mutating call");
        assertEquals(List.of(), listenerPolicies(elb, LB, 80));
        assertEquals("60", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
    }

    @Test
    void aPlanToCreateWhatNowExistsIsRefused(EmulatorServer emulator) {
        Path planFile = savedPlan(emulator, write(dir.resolve("yaml"), "lb.yaml", quickstart(60)));
        sdk(emulator).createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("TCP").loadBalancerPort(80).instanceProtocol("TCP").instancePort(80)));
        long mutating = emulator.mutatingCallCount();

        Harness.Result applied = applyPlanFile(emulator, planFile);

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.err().contains(LB) && applied.err().contains("it now exists"), applied.both());
        assertEquals(mutating, emulator.mutatingCallCount());
    }

    @Test
    void aPlanForAnotherTargetIsRefused(EmulatorServer emulator) {
        try (EmulatorServer other = EmulatorServer.start(EmulatorConfig.embedded(null))) {
            Path planFile = savedPlan(other, write(dir.resolve("yaml"), "lb.yaml", quickstart(60)));

            Harness.Result applied = applyPlanFile(emulator, planFile);

            assertEquals(1, applied.code(), applied.both());
            assertTrue(applied.err().contains("the plan was made for " + other.endpoint()), applied.both());
            assertEquals(0, emulator.mutatingCallCount(), "a foreign plan was applied here");
            assertEquals(0, other.mutatingCallCount(), "a foreign plan was applied to its own target");
            assertEquals(List.of(), Harness.loadBalancerNames(sdk(emulator)));
        }
    }
}
