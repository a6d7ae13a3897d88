package io.elbreconcile.bench;

import io.elbreconcile.cli.Main;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Figure 5 (PRODUCT.md section 13): what apply's re-read of each load balancer before its first
 * write costs. N load balancers are applied, another writer changes a share of them (their port-80
 * policy list emptied), then plan and apply run; the apply's DescribeLoadBalancers calls beyond
 * the plan's are the re-reads, against the bound ceil(K/20) for K changed load balancers. One JVM,
 * an in-process emulator, the CLI through {@code Main.run}.
 */
final class Reread {

    private Reread() {
    }

    static void run(Path specDir, int n, int percent) throws Exception {
        Specs.write(specDir, n);
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null)
                .withSettings(EngineSettings.AWS_LIKE.withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 100_000))))) {
            String url = emulator.endpoint().toString();
            expect(0, "apply", specDir.toString(), "--endpoint-url", url, "--max-rps", "0", "--auto-approve");
            int changed = n * percent / 100;
            int stride = n / changed;
            try (ElasticLoadBalancingClient otherWriter = Clients.forEndpoint(emulator.endpoint())) {
                for (int i = 0; i < changed; i++) {
                    String name = Specs.lbName(i * stride);
                    otherWriter.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(name)
                            .loadBalancerPort(Specs.lbPort(0)).policyNames(List.of()));
                }
            }
            long d0 = describes(emulator);
            expect(2, "plan", specDir.toString(), "--endpoint-url", url, "--max-rps", "0", "--detailed-exitcode");
            long d1 = describes(emulator);
            long start = System.nanoTime();
            expect(0, "apply", specDir.toString(), "--endpoint-url", url, "--max-rps", "0", "--auto-approve");
            long applyMs = (System.nanoTime() - start) / 1_000_000;
            long d2 = describes(emulator);
            long extra = (d2 - d1) - (d1 - d0);
            System.out.println("reread_changed " + changed);
            System.out.println("reread_bound " + ((changed + 19) / 20));
            System.out.println("reread_plan_describes " + (d1 - d0));
            System.out.println("reread_apply_describes " + (d2 - d1));
            System.out.println("reread_extra_calls " + extra);
            System.out.println("reread_apply_ms " + applyMs);
        }
    }

    private static long describes(EmulatorServer emulator) {
        return emulator.callCounts().getOrDefault("DescribeLoadBalancers", 0L);
    }

    private static void expect(int code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        if (exit != code) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + exit + ", not " + code + "\n" + err);
        }
    }
}
