package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        long mutating = emulator.mutatingCallCount();
        Harness.Result twice = applyPlanFile(emulator, planFile);
        assertEquals(1, twice.code(), "a saved plan is good for one apply: after it, it is stale\n" + twice.both());
        assertEquals(mutating, emulator.mutatingCallCount());
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

    /** The quickstart with declared tags and attributes, which a saved plan then depends on too. */
    private static String[] tagged(long period, int idleTimeout) {
        return new String[] {
                Harness.loadBalancer(LB, "  attributes:\n    idleTimeout: " + idleTimeout + "\n    crossZoneLoadBalancing: true\n"
                        + "  tags: {team: web}\n", Harness.http(80, 8080, POLICY)),
                Harness.lbCookie(LB, POLICY, period)};
    }

    @Test
    void aFreshSavedPlanWithTagsAndAttributesConverges(EmulatorServer emulator) {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", tagged(60, 60))).code());
        Path v2 = write(dir.resolve("v2"), "lb.yaml", tagged(120, 300));

        Harness.Result applied = applyPlanFile(emulator, savedPlan(emulator, v2));

        assertEquals(0, applied.code(), applied.both());
        ElasticLoadBalancingClient elb = sdk(emulator);
        assertEquals(300, elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(LB))
                .loadBalancerAttributes().connectionSettings().idleTimeout());
        assertEquals("120", policies(elb, LB).get(POLICY).get("CookieExpirationPeriod"));
        assertEquals(0, plan(emulator, v2, "--detailed-exitcode").code());
    }

    /** Changes someone else makes between plan and apply. */
    enum Meddling {
        POLICY_DETACHED(elb -> elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(LB).loadBalancerPort(80)
                .policyNames(List.of()))),
        TEMPORARY_NAME_TAKEN(elb -> elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(LB)
                .policyName(POLICY + Harness.TMP_MARK).cookieExpirationPeriod(5L))),
        TAG_ADDED(elb -> elb.addTags(r -> r.loadBalancerNames(LB).tags(t -> t.key("owner").value("someone-else")))),
        ATTRIBUTE_CHANGED(elb -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName(LB)
                .loadBalancerAttributes(a -> a.connectionSettings(c -> c.idleTimeout(30))))),
        LOAD_BALANCER_DELETED(elb -> elb.deleteLoadBalancer(r -> r.loadBalancerName(LB)));

        final java.util.function.Consumer<ElasticLoadBalancingClient> change;

        Meddling(java.util.function.Consumer<ElasticLoadBalancingClient> change) {
            this.change = change;
        }
    }

    @ParameterizedTest
    @EnumSource(Meddling.class)
    void aPlanMadeStaleByAChangeBehindItsBackIsRefusedWithoutAMutatingCall(Meddling meddling, EmulatorServer emulator) {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", tagged(60, 60))).code());
        Path planFile = savedPlan(emulator, write(dir.resolve("v2"), "lb.yaml", tagged(120, 60)));
        meddling.change.accept(sdk(emulator));
        long mutating = emulator.mutatingCallCount();

        Harness.Result applied = applyPlanFile(emulator, planFile);

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.err().contains(LB) && applied.err().contains("changed since the plan was made"), applied.both());
        if (meddling == Meddling.LOAD_BALANCER_DELETED) {
            assertTrue(applied.err().contains("it no longer exists"), applied.both());
        }
        assertTrue(applied.err().contains("stale"), applied.both());
        assertFalse(applied.err().contains("\tat "), "no stack trace without --debug");
        assertEquals(mutating, emulator.mutatingCallCount(), "a stale plan made a mutating call");
    }

    @Test
    void allowDeleteCannotWidenASavedPlan(EmulatorServer emulator) {
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));
        Path planFile = dir.resolve("plan.json");
        assertEquals(0, plan(emulator, input, "--stack", "shop", "--out", planFile.toString()).code());

        Harness.Result applied = cli(concat(new String[] {"apply", planFile.toString(), "--auto-approve", "--allow-delete"},
                target(emulator)));

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.err().contains("without --allow-delete"), applied.both());
        assertEquals(0, emulator.mutatingCallCount());
    }

    @Test
    void aSavedPlanThatDeletesAStackMemberIsCarriedOut(EmulatorServer emulator) {
        Path v1 = dir.resolve("v1");
        write(v1, "a.yaml", quickstart(60));
        write(v1, "b.yaml", Harness.loadBalancer("other", "", Harness.http(80, 8080)));
        assertEquals(0, Harness.apply(emulator, v1, "--stack", "shop").code());
        Path v2 = write(dir.resolve("v2"), "a.yaml", quickstart(60));
        Path planFile = dir.resolve("plan.json");
        Harness.Result planned = plan(emulator, v2, "--stack", "shop", "--allow-delete", "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());
        long mutating = emulator.mutatingCallCount();

        Harness.Result withoutTheFlags = applyPlanFile(emulator, planFile);
        assertEquals(1, withoutTheFlags.code(), "options come from the apply command line\n" + withoutTheFlags.both());
        assertTrue(withoutTheFlags.err().contains("made with --allow-delete"), withoutTheFlags.both());
        assertEquals(mutating, emulator.mutatingCallCount());

        Harness.Result applied = cli(concat(new String[] {"apply", planFile.toString(), "--auto-approve", "--allow-delete",
                "--stack", "shop"}, target(emulator)));

        assertEquals(0, applied.code(), applied.both());
        assertEquals(List.of(LB), Harness.loadBalancerNames(sdk(emulator)));
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

    @Test
    void theApplyCommandPlanSuggestsRepeatsTheOptionsApplyNeedsAgainAndRuns(EmulatorServer emulator) throws Exception {
        assertEquals(0, Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", quickstart(60)), "--stack", "web").code());
        Path empty = Files.createDirectories(dir.resolve("v2"));
        Path planFile = dir.resolve("plan.json");
        Harness.Result planned = plan(emulator, empty, "--stack", "web", "--allow-delete", "--replace-strategy", "direct",
                "--target", "LoadBalancer/my-*", "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());

        String marker = "apply it with: elb-reconcile ";
        String suggested = planned.err().lines().filter(line -> line.contains(marker)).findFirst().orElseThrow();
        // Shell words: the glob is quoted for the shell, which would take the quotes off.
        String[] arguments = java.util.Arrays.stream(suggested.substring(suggested.indexOf(marker) + marker.length()).split(" "))
                .map(word -> word.replaceAll("^'(.*)'$", "$1")).toArray(String[]::new);
        assertTrue(suggested.endsWith(" --stack web --allow-delete --replace-strategy direct --target 'LoadBalancer/my-*'"), suggested);

        Harness.Result applied = cli(concat(arguments, new String[] {"--auto-approve", "--max-rps", "0"}));
        assertEquals(0, applied.code(), "the suggested command is refused:\n" + applied.both());
        assertEquals(List.of(), Harness.loadBalancerNames(sdk(emulator)));
    }
}
