package io.elbreconcile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The table of {@code bench/run}: min/median/max of every figure over the repetitions, and the
 * ratio of its median to its reference (another figure measured in the same run, or a target).
 */
final class Report {

    /** One row; {@code refKey} names a measured reference, else {@code refConst} is a fixed one. */
    private record Row(String label, String key, String refKey, double refConst, String target, DoublePredicate met) {
    }

    private static final DoublePredicate INFO = null;

    private static final List<Row> ROWS = List.of(
            new Row("1. cold `plan examples/quickstart --emulator=F`, launcher's choice (ms)", "cold_plan_ms", "aws_cli_ms", 0, "ratio ≤ 0.8", r -> r <= 0.8),
            new Row("1. cold plan quickstart, launcher's choice, CPU user+sys (ms)", "cold_plan_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. cold plan, state already applied (\"No changes\"), launcher's choice (ms)", "cold_plan_applied_ms", "aws_cli_ms", 0, "ratio ≤ 0.8", r -> r <= 0.8),
            new Row("1. cold plan, state already applied, launcher's choice, CPU (ms)", "cold_plan_applied_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. cold plan, state already applied, launcher on JDK 17 (ms)", "cold_plan_applied_jdk17_ms", "aws_cli_ms", 0, "", INFO),
            new Row("1. cold plan, state already applied, launcher on JDK 17, CPU (ms)", "cold_plan_applied_jdk17_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. cold plan, launcher on JDK 17 (static CDS archive) (ms)", "cold_plan_jdk17_ms", "aws_cli_ms", 0, "ratio ≤ 1", r -> r <= 1),
            new Row("1. cold plan, launcher on JDK 17, CPU (ms)", "cold_plan_jdk17_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. cold plan, unpacked distribution, no java on PATH (ms)", "cold_plan_dist_ms", "aws_cli_ms", 0, "ratio ≤ 0.8", r -> r <= 0.8),
            new Row("1. cold plan, unpacked distribution, CPU (ms)", "cold_plan_dist_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. distribution: first plan after unpacking (ms)", "dist_first_plan_ms", "aws_cli_ms", 0, "", INFO),
            new Row("1. distribution: tarball (KiB)", "dist_tarball_kib", null, 0, "", INFO),
            new Row("1. distribution: unpacked (KiB)", "dist_unpacked_kib", null, 0, "", INFO),
            new Row("1. cold `validate examples/quickstart` (ms)", "cold_validate_ms", "aws_cli_ms", 0, "", INFO),
            new Row("1. cold validate quickstart, CPU (ms)", "cold_validate_cpu_ms", "aws_cli_cpu_ms", 0, "", INFO),
            new Row("1. ref: `aws elb describe-load-balancers` vs emulator (ms)", "aws_cli_ms", null, 0, "", INFO),
            new Row("1. ref: aws CLI call, CPU (ms)", "aws_cli_cpu_ms", null, 0, "", INFO),
            new Row("2. diag: emulator DescribeLoadBalancers(100 LBs), SDK v2 client, bound by the client's XML parsing (req/s)", "emu_d100_sdk_rps", "moto_d100_sdk_rps", 0, "", INFO),
            new Row("2. ref: moto DescribeLoadBalancers(100 LBs), SDK v2 client (req/s)", "moto_d100_sdk_rps", null, 0, "", INFO),
            new Row("2. emulator p50 latency, SDK v2 client (ms)", "emu_d100_sdk_p50_ms", "moto_d100_sdk_p50_ms", 0, "", INFO),
            new Row("2. diag: emulator p99 latency, SDK v2 client (ms) vs 10 ms", "emu_d100_sdk_p99_ms", null, 10, "", INFO),
            new Row("2. emulator p50 latency, SDK v2 client, 1 thread (ms)", "emu_d100_sdk_1t_p50_ms", null, 0, "", INFO),
            new Row("2. diag: emulator p99 latency, SDK v2 client, 1 thread (ms) vs 10 ms", "emu_d100_sdk_1t_p99_ms", null, 10, "", INFO),
            new Row("2. ref: moto p50 latency, SDK v2 client (ms)", "moto_d100_sdk_p50_ms", null, 0, "", INFO),
            new Row("2. ref: moto p99 latency, SDK v2 client (ms)", "moto_d100_sdk_p99_ms", null, 0, "", INFO),
            new Row("2. emulator DescribeLoadBalancers(100 LBs), raw HTTP client (req/s)", "emu_d100_raw_rps", "moto_d100_raw_rps", 0, "ratio ≥ 100", r -> r >= 100),
            new Row("2. ref: moto DescribeLoadBalancers(100 LBs), raw HTTP client (req/s)", "moto_d100_raw_rps", null, 0, "", INFO),
            new Row("2. emulator p50 latency, raw HTTP client (ms)", "emu_d100_raw_p50_ms", "moto_d100_raw_p50_ms", 0, "", INFO),
            new Row("2. emulator p99 latency, raw HTTP client (ms) vs 10 ms", "emu_d100_raw_p99_ms", null, 10, "ratio < 1", r -> r < 1),
            new Row("2. emulator p50 latency, raw HTTP client, 1 thread (ms)", "emu_d100_raw_1t_p50_ms", null, 0, "", INFO),
            new Row("2. emulator p99 latency, raw HTTP client, 1 thread (ms) vs 10 ms", "emu_d100_raw_1t_p99_ms", null, 10, "ratio < 1", r -> r < 1),
            new Row("2. ref: moto p50 latency, raw HTTP client (ms)", "moto_d100_raw_p50_ms", null, 0, "", INFO),
            new Row("2. ref: moto p99 latency, raw HTTP client (ms)", "moto_d100_raw_p99_ms", null, 0, "", INFO),
            new Row("2. diag: emulator start-up, plain `java -jar … emulator serve`, no CDS archive (ms)", "emu_startup_ms", "moto_startup_ms", 0, "", INFO),
            new Row("2. emulator start-up, `bin/elb-reconcile emulator serve` (ms)", "emu_startup_launcher_ms", "moto_startup_ms", 0, "ratio < 0.25", r -> r < 0.25),
            new Row("2. ref: moto start-up (ms)", "moto_startup_ms", null, 0, "", INFO),
            new Row("3. plan N LBs × 4 policies, -Xmx512m (ms) vs 10 s", "plan2000_ms", null, 10_000, "ratio < 1", r -> r < 1),
            new Row("3. plan N, CPU user+sys (ms)", "plan2000_cpu_ms", null, 0, "", INFO),
            new Row("3. plan N read calls vs ceil(N/400)+ceil(N/20)", "plan2000_reads", "read_bound_2000", 0, "ratio ≤ 1", r -> r <= 1),
            new Row("3. plan N mutating calls", "plan2000_mutating", null, 0, "", INFO),
            new Row("3. plan N exit code (0 = ran, no changes)", "plan2000_exit", null, 0, "", INFO),
            new Row("3. plan N heap used before GC, max (MiB) vs 512", "plan2000_heap_before_gc_mb", null, 512, "ratio ≤ 1", r -> r <= 1),
            new Row("3. plan N heap live after GC, max (MiB) vs 512", "plan2000_heap_after_gc_mb", null, 512, "", INFO),
            new Row("3. plan N GC pauses", "plan2000_gc_pauses", null, 0, "", INFO),
            new Row("3. plan N with C2 as well (TieredStopAtLevel=4) (ms) vs C1 only", "plan2000_c2_ms", "plan2000_ms", 0, "", INFO),
            new Row("3. plan N with C2 as well, CPU (ms) vs C1 only", "plan2000_c2_cpu_ms", "plan2000_cpu_ms", 0, "", INFO),
            new Row("3. drift N (ms) vs 10 s", "drift2000_ms", null, 10_000, "", INFO),
            new Row("3. drift N, CPU (ms)", "drift2000_cpu_ms", null, 0, "", INFO),
            new Row("3. drift N read calls vs bound", "drift2000_reads", "read_bound_2000", 0, "ratio ≤ 1", r -> r <= 1),
            new Row("3. drift N exit code (0 = no drift)", "drift2000_exit", null, 0, "", INFO),
            new Row("4. apply N × 4 from empty, throttle off (ms)", "apply2000_ms", null, 0, "", INFO),
            new Row("4. apply N throttle off, CPU of the CLI (ms)", "apply2000_cpu_ms", null, 0, "", INFO),
            new Row("4. apply N calls served (reads + mutating)", "apply2000_calls", null, 0, "", INFO),
            new Row("4. apply N calls/s achieved", "apply2000_cps", null, 0, "", INFO),
            new Row("4. apply N_thr × 4, throttled (emulator 10/s, --max-rps 10) (ms) vs floor", "applythr_ms", "applythr_floor_ms", 0, "ratio ≤ 1.2", r -> r <= 1.2),
            new Row("4. ref: floor = calls served / 10 per s (ms)", "applythr_floor_ms", null, 0, "", INFO),
            new Row("4. apply N_thr throttled, --max-rps 10: exit code (0 = converged)", "applythr_exit", null, 0, "", INFO),
            new Row("4. apply N_thr throttled, --max-rps 10: retries", "applythr_retries", null, 0, "", INFO),
            new Row("4. apply N_thr × 4, throttled, client default rate (ms) vs floor", "applythr_default_ms", "applythr_default_floor_ms", 0, "", INFO),
            new Row("4. apply N_thr throttled, client default: exit code (0 = converged)", "applythr_default_exit", null, 0, "", INFO),
            new Row("4. apply N_thr throttled, client default: retries", "applythr_default_retries", null, 0, "", INFO),
            new Row("4. apply N_thr throttled, client default: failed steps", "applythr_default_failed", null, 0, "", INFO),
            new Row("5. apply N, 10 % changed by another writer: re-read calls vs ceil(K/20)", "reread_extra_calls", "reread_bound", 0,
                    "ratio ≤ 1", r -> r <= 1),
            new Row("5. ref: K load balancers changed", "reread_changed", null, 0, "", INFO),
            new Row("5. apply N, 10 % changed (ms)", "reread_apply_ms", null, 0, "", INFO));

    private Report() {
    }

    static String render(Path samples) throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(samples)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && !line.startsWith("#")) {
                try {
                    values.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
                } catch (NumberFormatException ignored) {
                    // not a sample
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("N = %s, N_thr = %s, repetitions = %s%n%n", param(values, "param_n"), param(values, "param_thr_n"),
                param(values, "param_repeat")));
        out.append("| figure | n | min | median | max | spread | reference | ratio | target | met |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        List<Row> rows = new ArrayList<>(ROWS);
        for (String key : values.keySet()) {
            if (key.startsWith("breakdown_")) {
                rows.add(new Row("3. plan N stage: " + key.substring("breakdown_".length()), key, null, 0, "", INFO));
            }
        }
        for (Row row : rows) {
            List<Double> v = values.get(row.key());
            if (v == null || v.isEmpty()) {
                continue;
            }
            List<Double> sorted = v.stream().sorted().toList();
            double median = median(sorted);
            double min = sorted.get(0);
            double max = sorted.get(sorted.size() - 1);
            String spread = median == 0 ? "" : String.format("±%.0f%%", 100 * (max - min) / 2 / median);
            Double ref = null;
            if (row.refKey() != null && values.containsKey(row.refKey())) {
                ref = median(values.get(row.refKey()).stream().sorted().toList());
            } else if (row.refKey() == null && row.refConst() != 0) {
                ref = row.refConst();
            }
            String ratio = ref == null || ref == 0 ? "" : fmt(median / ref);
            String met = ref == null || row.met() == null ? "" : (row.met().test(median / ref) ? "yes" : "**NO**");
            out.append(String.format("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", row.label(), v.size(), fmt(min),
                    fmt(median), fmt(max), spread, ref == null ? "" : fmt(ref), ratio, row.target(), met));
        }
        return out.toString();
    }

    private static String param(Map<String, List<Double>> values, String key) {
        List<Double> v = values.get(key);
        return v == null ? "-" : fmt(v.get(0));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format("%.0f", v);
        }
        if (Math.abs(v) >= 100) {
            return String.format("%.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format("%.2f", v);
        }
        return String.format("%.3f", v);
    }
}
