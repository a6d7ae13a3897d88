package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.nio.file.Path;
import java.util.List;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.loadBalancerNames;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.tags;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live tag {@code elb-reconcile:protect} protects with any value but exactly {@code false}
 * (fail closed): the planner holds back deleting, replacing or unprotecting such a load balancer.
 */
@ExtendWith(EmulatorExtension.class)
class ProtectTagTest {

    private static final String LB = "my-load-balancer";
    private static final String KEPT = "kept";
    private static final String PROTECT = "elb-reconcile:protect";

    @TempDir
    Path dir;

    private static void createTagged(ElasticLoadBalancingClient elb, String name, String protectValue) {
        elb.createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80))
                .tags(t -> t.key("elb-reconcile:stack").value("shop"), t -> t.key(PROTECT).value(protectValue)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "TRUE", " true", "yes", "", "true"})
    void anUndeclaredStackMemberTaggedWithAnyValueButFalseIsNeverDeleted(String value, EmulatorServer emulator) {
        createTagged(sdk(emulator), KEPT, value);
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));

        Harness.Result applied = apply(emulator, input, "--stack", "shop", "--allow-delete");

        assertEquals(2, applied.code(), "all was done but the deletion stays held back\n" + applied.both());
        assertTrue(applied.out().contains("it is protected (tag " + PROTECT + ")"), applied.both());
        assertEquals(List.of(KEPT, LB), loadBalancerNames(sdk(emulator)));
        assertEquals(0L, emulator.callCounts().getOrDefault("DeleteLoadBalancer", 0L), applied.both());
        assertEquals(value, tags(sdk(emulator), KEPT).get(PROTECT));
    }

    @Test
    void exactlyFalseProtectsNothing(EmulatorServer emulator) {
        createTagged(sdk(emulator), KEPT, "false");
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));

        Harness.Result applied = apply(emulator, input, "--stack", "shop", "--allow-delete");

        assertEquals(0, applied.code(), applied.both());
        assertEquals(List.of(LB), loadBalancerNames(sdk(emulator)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "True", "true"})
    void aDeclaredLoadBalancerKeepsItsProtectTagWhenTheYamlNoLongerProtects(String value, EmulatorServer emulator) {
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));
        assertEquals(0, apply(emulator, input).code());
        sdk(emulator).addTags(r -> r.loadBalancerNames(LB).tags(t -> t.key(PROTECT).value(value)));

        Harness.Result planned = plan(emulator, input, "--detailed-exitcode");
        Harness.Result applied = apply(emulator, input, "--allow-delete");

        assertEquals(2, planned.code(), "a held-back unprotection is a difference CI sees\n" + planned.both());
        assertTrue(planned.out().contains("the tag " + PROTECT + " stays: the load balancer is protected"), planned.both());
        assertEquals(2, applied.code(), "the unprotection stays held back\n" + applied.both());
        assertEquals(value, tags(sdk(emulator), LB).get(PROTECT), applied.both());
        assertEquals(0L, emulator.callCounts().getOrDefault("RemoveTags", 0L), applied.both());
    }

    @Test
    void aProtectedLoadBalancerThatMustBeReplacedIsHeldBackEvenWithAllowDelete(EmulatorServer emulator) {
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));
        assertEquals(0, apply(emulator, input).code());
        sdk(emulator).addTags(r -> r.loadBalancerNames(LB).tags(t -> t.key(PROTECT).value("TRUE")));
        Path internal = write(dir.resolve("internal"), "lb.yaml", Harness.loadBalancer(LB, "  scheme: internal\n",
                Harness.http(80, 8080, "my-duration-cookie-policy")), Harness.lbCookie(LB, "my-duration-cookie-policy", 60));

        Harness.Result applied = apply(emulator, internal, "--allow-delete");

        assertTrue(applied.out().contains("it is protected (tag " + PROTECT + ")"), applied.both());
        assertEquals(0L, emulator.callCounts().getOrDefault("DeleteLoadBalancer", 0L), applied.both());
        assertEquals(List.of(LB), loadBalancerNames(sdk(emulator)));
    }
}
