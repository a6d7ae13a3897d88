package io.elbreconcile.bench;

import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.cli.view.Style;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.spec.SpecLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Where the time of a plan goes: the stages of {@code plan PATH --endpoint-url URL} (load, connect,
 * observe, plan, render) timed one by one in this JVM, cold then again warm. Run with the
 * launcher's JVM flags to match a cold CLI run.
 */
final class PlanBreakdown {

    private PlanBreakdown() {
    }

    static void run(Path spec, String endpoint, int rounds) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("breakdown_jvm_to_main_ms %d%n", System.currentTimeMillis() - jvmStart);
        for (int round = 1; round <= rounds; round++) {
            String p = round == 1 ? "breakdown_cold_" : "breakdown_warm" + round + "_";
            long t0 = System.nanoTime();
            DesiredState desired = new SpecLoader().load(spec).state();
            long t1 = System.nanoTime();
            SdkElbPort port = SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(endpoint).withRegion("us-east-1")
                    .withStaticCredentials(new TargetSettings.StaticCredentials("bench", "bench", null)).withMaxRequestsPerSecond(0));
            long t2 = System.nanoTime();
            ObservedState observed = new Observer(port).observe(desired);
            long t3 = System.nanoTime();
            Plan plan = new Planner().plan(desired, observed, PlanOptions.defaults(), port.target());
            long t4 = System.nanoTime();
            String text = new PlanTextView(Style.PLAIN).render(plan);
            long t5 = System.nanoTime();
            port.close();
            System.out.printf("%sload_ms %.0f%n%sconnect_ms %.0f%n%sobserve_ms %.0f%n%splan_ms %.0f%n%srender_ms %.0f%n",
                    p, (t1 - t0) / 1e6, p, (t2 - t1) / 1e6, p, (t3 - t2) / 1e6, p, (t4 - t3) / 1e6, p, (t5 - t4) / 1e6);
            System.err.printf("round %d: %d load balancers observed, %d steps, %d chars of output%n", round,
                    observed.loadBalancers().size(), plan.steps().size(), text.length());
        }
    }
}
