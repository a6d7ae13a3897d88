package io.elbreconcile.it.apply;

import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import io.elbreconcile.it.Cli;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.testing.ElbClients;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optimistic concurrency: a second writer changes one load balancer between plan and apply (on an
 * emulator with latency, as a real region has). Apply re-reads each load balancer just before its
 * first write, 20 names a call: the changed one is skipped, the others converge.
 */
class ApplyConcurrentWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} load balancers, DescribeLoadBalancers calls {1}")
    @CsvSource({"5, 1", "25, 2", "41, 3"})
    void aLoadBalancerChangedByAnotherWriterIsSkippedAndTheOthersConverge(int fleet, int expectedRereads) throws IOException {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withLatencyMs(5)
                .withSettings(EngineSettings.AWS_LIKE.withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 100))));
             ElasticLoadBalancingClient otherWriter = ElbClients.forEndpoint(emulator.endpoint());
             SdkElbPort port = Harness.port(emulator)) {
            for (int i = 0; i < fleet; i++) {
                Files.writeString(dir.resolve("lb-" + i + ".yaml"), """
                        apiVersion: elb-reconcile/v1
                        kind: LoadBalancer
                        metadata: {name: lb-N}
                        spec:
                          availabilityZones: [us-east-1a]
                          listeners:
                            - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080}
                          healthCheck: {target: "HTTP:8080/health", interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2}
                        """.replace("N", Integer.toString(i)));
            }
            Cli.Result created = Cli.against(emulator, "apply", dir.toString(), "--auto-approve");
            assertEquals(0, created.code(), created::toString);
            for (int i = 0; i < fleet; i++) {
                setHealthTarget(otherWriter, "lb-" + i, "TCP:8080");
            }

            Plan plan = Harness.planWith(port, dir, PlanOptions.defaults());
            assertEquals(fleet, plan.steps().size());
            String victim = "lb-" + (fleet / 2);
            // The second writer: an on-call engineer fixes the victim's health check by hand meanwhile.
            setHealthTarget(otherWriter, victim, "HTTP:8080/ready");

            long describesBefore = describes(emulator);
            ApplyReport report = new Applier(port, 8, new ApplyListener() { }, System::nanoTime)
                    .apply(plan, io.elbreconcile.apply.TestSafeguards.permitting(plan));
            assertEquals(expectedRereads, describes(emulator) - describesBefore, "re-reads for " + fleet + " load balancers");

            assertFalse(report.converged());
            assertEquals(fleet - 1, report.applied(), report::summaryLine);
            StepOutcome skipped = report.outcomes().stream().filter(o -> o.step().operation().loadBalancer().equals(victim))
                    .findFirst().orElseThrow();
            assertInstanceOf(StepOutcome.Skipped.class, skipped);
            assertTrue(skipped.describe().contains("LoadBalancer/" + victim + " changed by another writer during apply"),
                    skipped::describe);
            assertEquals("HTTP:8080/ready", healthTarget(otherWriter, victim), "the other writer's change stands");
            for (int i = 0; i < fleet; i++) {
                if (!("lb-" + i).equals(victim)) {
                    assertEquals("HTTP:8080/health", healthTarget(otherWriter, "lb-" + i), "lb-" + i + " converged");
                }
            }
            // The next plan has only the victim left to do.
            Plan again = Harness.planWith(port, dir, PlanOptions.defaults());
            assertEquals(List.of("ConfigureHealthCheck:HealthCheck/" + victim), again.steps().stream().map(s -> s.id()).toList());
        }
    }

    private static long describes(EmulatorServer emulator) {
        return emulator.callCounts().getOrDefault("DescribeLoadBalancers", 0L);
    }

    private static void setHealthTarget(ElasticLoadBalancingClient elb, String name, String target) {
        elb.configureHealthCheck(r -> r.loadBalancerName(name).healthCheck(h -> h.target(target).interval(30).timeout(5)
                .healthyThreshold(10).unhealthyThreshold(2)));
    }

    private static String healthTarget(ElasticLoadBalancingClient elb, String name) {
        return elb.describeLoadBalancers(r -> r.loadBalancerNames(name)).loadBalancerDescriptions().get(0).healthCheck().target();
    }
}
