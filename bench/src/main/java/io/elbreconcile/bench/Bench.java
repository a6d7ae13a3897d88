package io.elbreconcile.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark helpers {@code bench/run} calls; each prints {@code key value} lines on stdout.
 * Not a test: never run by {@code mvn verify}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "spec" -> Specs.write(Path.of(rest.get(0)), Integer.parseInt(rest.get(1)));
            case "seed" -> Seeder.seed(URI.create(rest.get(0)), Integer.parseInt(rest.get(1)), Integer.parseInt(rest.get(2)));
            case "throughput" -> Throughput.run(URI.create(rest.get(0)), rest.get(1), rest.get(2), Integer.parseInt(rest.get(3)),
                    Double.parseDouble(rest.get(4)), Double.parseDouble(rest.get(5)), Integer.parseInt(rest.get(6)));
            case "startup" -> Startup.run(rest.get(0), new File(rest.get(1)), rest.subList(2, rest.size()));
            case "calls" -> calls(URI.create(rest.get(0)));
            case "gclog" -> gcLog(Path.of(rest.get(0)), rest.get(1));
            case "breakdown" -> PlanBreakdown.run(Path.of(rest.get(0)), rest.get(1), Integer.parseInt(rest.get(2)));
            case "report" -> System.out.print(Report.render(Path.of(rest.get(0))));
            case "reread" -> Reread.run(Path.of(rest.get(0)), Integer.parseInt(rest.get(1)), Integer.parseInt(rest.get(2)));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Bench spec DIR N | seed URL N THREADS | throughput URL PREFIX sdk|raw THREADS WARMUP_S SECONDS EXPECTED"
                + " | startup KEY LOG CMD... | calls URL | gclog FILE PREFIX | breakdown SPECDIR URL ROUNDS | report SAMPLES"
                + " | reread SPECDIR N PERCENT");
        System.exit(64);
    }

    /** The emulator's counters: total reads and mutating calls so far (differences are taken by the caller). */
    private static void calls(URI endpoint) throws Exception {
        String json = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/calls")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        long total = 0;
        Matcher m = Pattern.compile("\"([A-Za-z]+)\": (\\d+)").matcher(json.substring(0, json.indexOf('}')));
        while (m.find()) {
            total += Long.parseLong(m.group(2));
        }
        Matcher mutating = Pattern.compile("\"mutating\": (\\d+)").matcher(json);
        long mut = mutating.find() ? Long.parseLong(mutating.group(1)) : 0;
        System.out.println("reads " + (total - mut));
        System.out.println("mutating " + mut);
        System.out.println("json " + json);
    }

    /** From an {@code -Xlog:gc} log: the largest heap use seen before a GC, after a GC, and the largest committed heap. */
    private static void gcLog(Path file, String prefix) throws Exception {
        Pattern pause = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
        double before = 0;
        double after = 0;
        double committed = 0;
        int pauses = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                pauses++;
                before = Math.max(before, mib(m.group(1), m.group(2)));
                after = Math.max(after, mib(m.group(3), m.group(4)));
                committed = Math.max(committed, mib(m.group(5), m.group(6)));
            }
        }
        System.out.printf("%s_gc_pauses %d%n%s_heap_before_gc_mb %.0f%n%s_heap_after_gc_mb %.0f%n%s_heap_committed_mb %.0f%n",
                prefix, pauses, prefix, before, prefix, after, prefix, committed);
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
