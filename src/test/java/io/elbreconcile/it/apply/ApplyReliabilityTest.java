package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import io.elbreconcile.emulator.EmulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.elbreconcile.it.apply.Harness.appCookie;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 30 load balancers with two cookie policies each, applied through an emulator that throttles at 20
 * requests per second and fails 5% of requests with a 500, for three seeds: every run converges and
 * the next plan is empty. The seeds run side by side (one emulator each): the time is the throttle's.
 */
class ApplyReliabilityTest {

    private static final int LOAD_BALANCERS = 30;
    private static final long[] SEEDS = {1, 2, 3};

    @TempDir
    Path dir;

    private Path thirtyLoadBalancers() {
        Path input = dir.resolve("lbs");
        for (int i = 0; i < LOAD_BALANCERS; i++) {
            String name = String.format("web-%02d", i);
            write(input, name + ".yaml",
                    loadBalancer(name, "", http(80, 8080, name + "-lb"), http(81, 8081, name + "-app")),
                    lbCookie(name, name + "-lb", 60 + i),
                    appCookie(name, name + "-app", "SESSION" + i));
        }
        return input;
    }

    /** Apply, then plan --detailed-exitcode, against a faulty emulator of this seed. */
    private static List<Harness.Result> run(Path input, long seed) {
        // Thirty load balancers: above AWS's default quota of 20, raised as for any fleet.
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null)
                .withSettings(EngineSettings.AWS_LIKE.withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 100)))
                .withThrottleRate(20).withErrorRate(0.05).withSeed(seed))) {
            List<Harness.Result> results = new ArrayList<>();
            // The CLI's own defaults for an endpoint: client-side limit of 20 requests per second, parallelism 8.
            String[] target = {"--endpoint-url", emulator.endpoint().toString(), "--region", Harness.REGION, "--no-color"};
            results.add(Harness.cli(Harness.concat(new String[] {"apply", input.toString(), "--auto-approve"}, target)));
            results.add(Harness.cli(Harness.concat(new String[] {"plan", input.toString(), "--detailed-exitcode"}, target)));
            return results;
        }
    }

    @Test
    void thirtyLoadBalancersConvergeThroughThrottlingAndServerErrorsForEverySeed() {
        Path input = thirtyLoadBalancers();
        Map<Long, CompletableFuture<List<Harness.Result>>> runs = new LinkedHashMap<>();
        for (long seed : SEEDS) {
            runs.put(seed, CompletableFuture.supplyAsync(() -> run(input, seed)));
        }
        long retries = 0;
        for (Map.Entry<Long, CompletableFuture<List<Harness.Result>>> run : runs.entrySet()) {
            List<Harness.Result> results = run.getValue().join();
            Harness.Result applied = results.get(0);
            Harness.Result planned = results.get(1);
            assertEquals(0, applied.code(), "seed " + run.getKey() + ":\n" + applied.both());
            assertTrue(applied.out().contains("Apply complete: " + (LOAD_BALANCERS * 5) + " done, 0 failed, 0 skipped"),
                    "seed " + run.getKey() + ":\n" + applied.out());
            assertEquals(0, planned.code(), "seed " + run.getKey() + " left changes:\n" + planned.both());
            retries += applied.retries();
        }
        assertTrue(retries > 0, "with 5% server errors, some call must have been retried");
    }
}
