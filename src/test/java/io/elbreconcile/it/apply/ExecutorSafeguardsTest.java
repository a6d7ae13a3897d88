package io.elbreconcile.it.apply;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.apply.UnsafePlanException;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Step;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.RemoveTags;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.elbreconcile.it.apply.Harness.loadBalancerNames;
import static io.elbreconcile.it.apply.Harness.port;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor's own safeguards, whatever plan it is handed (here plans written by hand, which
 * no planner would make): checked against a real observation over the SDK, before any call.
 */
@ExtendWith(EmulatorExtension.class)
class ExecutorSafeguardsTest {

    private static final String LB = "guarded";
    private static final String PROTECT = "elb-reconcile:protect";

    private static void create(EmulatorServer emulator, String name, Map<String, String> tags) {
        sdk(emulator).createLoadBalancer(r -> r.loadBalancerName(name).availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80))
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.elasticloadbalancing.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    private static Plan planOf(SdkElbPort port, Address address, Operation operation) {
        return new Plan(Plan.FORMAT_VERSION, port.target(), "sha256:hand-written", PlanOptions.defaults(), List.of(),
                List.of(new Step(operation.awsOperation() + ":" + address, address, operation, new TreeSet<>())), List.of(),
                new TreeMap<>());
    }

    /** Runs the plan with safeguards from a fresh observation of {@code observedNames}. */
    private static ApplyReport run(EmulatorServer emulator, boolean allowDelete, Set<String> observedNames,
                                   Address address, Operation operation) {
        try (SdkElbPort port = port(emulator)) {
            ObservedState observed = new Observer(port).observeNames(observedNames, false);
            return new Applier(port, 2, ApplyListener.NONE, System::nanoTime)
                    .apply(planOf(port, address, operation), Safeguards.of(allowDelete, observedNames, observed));
        }
    }

    private static String refused(EmulatorServer emulator, boolean allowDelete, Set<String> observedNames,
                                  Address address, Operation operation) {
        long before = emulator.mutatingCallCount();
        UnsafePlanException refused = assertThrows(UnsafePlanException.class,
                () -> run(emulator, allowDelete, observedNames, address, operation));
        assertEquals(before, emulator.mutatingCallCount(), "a refused step made a call");
        assertEquals(1, refused.violations().size(), refused.violations().toString());
        return refused.violations().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "TRUE", " true", "yes", "", "true"})
    void aProtectedLoadBalancerIsNeverDeleted(String value, EmulatorServer emulator) {
        create(emulator, LB, Map.of(PROTECT, value));

        String why = refused(emulator, true, Set.of(LB), Address.loadBalancer(LB), new DeleteLoadBalancer(LB));

        assertEquals("refusing step DeleteLoadBalancer:LoadBalancer/guarded: load balancer guarded is protected"
                + " (tag elb-reconcile:protect) and is never deleted", why);
        assertEquals(List.of(LB), loadBalancerNames(sdk(emulator)));
    }

    @Test
    void deletingNeedsAllowDeleteOnTheCommandLine(EmulatorServer emulator) {
        create(emulator, LB, Map.of());

        String why = refused(emulator, false, Set.of(LB), Address.loadBalancer(LB), new DeleteLoadBalancer(LB));

        assertEquals("refusing step DeleteLoadBalancer:LoadBalancer/guarded: deleting load balancer guarded needs"
                + " --allow-delete on this command line", why);
    }

    @Test
    void anUnprotectedObservedLoadBalancerIsDeletedWithAllowDelete(EmulatorServer emulator) {
        create(emulator, LB, Map.of(PROTECT, "false"));

        ApplyReport report = run(emulator, true, Set.of(LB), Address.loadBalancer(LB), new DeleteLoadBalancer(LB));

        assertTrue(report.converged(), report.summaryLine());
        assertEquals(List.of(), loadBalancerNames(sdk(emulator)));
    }

    @Test
    void theProtectTagIsNeverRemovedFromAProtectedLoadBalancer(EmulatorServer emulator) {
        create(emulator, LB, Map.of(PROTECT, "yes"));

        String why = refused(emulator, true, Set.of(LB), Address.tags(LB), new RemoveTags(LB, List.of("team", PROTECT)));

        assertEquals("refusing step RemoveTags:Tags/guarded: it removes the tag elb-reconcile:protect from protected"
                + " load balancer guarded", why);
        assertEquals("yes", tags(sdk(emulator), LB).get(PROTECT));
    }

    @Test
    void theProtectTagIsNeverReplacedOnAProtectedLoadBalancer(EmulatorServer emulator) {
        create(emulator, LB, Map.of(PROTECT, "True"));

        String why = refused(emulator, true, Set.of(LB), Address.tags(LB), new AddTags(LB, new TreeMap<>(Map.of(PROTECT, "false"))));

        assertEquals("refusing step AddTags:Tags/guarded: it replaces the tag elb-reconcile:protect of protected"
                + " load balancer guarded", why);
        assertEquals("True", tags(sdk(emulator), LB).get(PROTECT));
    }

    @Test
    void aStepTouchesOnlyLoadBalancersObservedInTheSameRun(EmulatorServer emulator) {
        create(emulator, LB, Map.of());
        create(emulator, "elsewhere", Map.of());

        String why = refused(emulator, true, Set.of(LB), Address.listenerPolicies("elsewhere", 80),
                new SetListenerPolicies("elsewhere", 80, List.of()));

        assertEquals("refusing step SetLoadBalancerPoliciesOfListener:ListenerPolicies/elsewhere/80: load balancer"
                + " elsewhere was not observed in this run", why);
    }

    @Test
    void aStepFiledUnderOneLoadBalancerButCallingAnotherIsRefused(EmulatorServer emulator) {
        create(emulator, LB, Map.of());
        create(emulator, "elsewhere", Map.of());

        String why = refused(emulator, true, Set.of(LB, "elsewhere"), Address.listenerPolicies(LB, 80),
                new SetListenerPolicies("elsewhere", 80, List.of()));

        assertTrue(why.endsWith("it calls SetLoadBalancerPoliciesOfListener on load balancer elsewhere but is filed under"
                + " ListenerPolicies/guarded/80"), why);
    }
}
