package io.elbreconcile.bench;

import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * DescribeLoadBalancers (no names: the whole region, one page of up to 400) from a few client threads sharing
 * one SDK client, as fast as they go: a warm-up phase that is thrown away, then a measured phase.
 * Prints requests per second and latency percentiles as {@code key value} lines.
 */
final class Throughput {
    /** AWS's maximum; moto's default page is 50, so both are asked for the same single page of 100. */
    private static final int PAGE = 400;

    private Throughput() {
    }

    /** One request; throws on failure. */
    private interface Call {
        void run() throws Exception;
    }

    /**
     * {@code sdk}: through the SDK client (what a user of the SDK sees, XML unmarshalling included).
     * {@code raw}: the same Query request over keep-alive HttpURLConnection, body read but not
     * parsed, so the figure is the server's and not the client's. Neither server checks signatures.
     */
    static void run(URI endpoint, String prefix, String mode, int threads, double warmupSeconds, double seconds, int expected)
            throws Exception {
        try (ElasticLoadBalancingClient elb = Clients.forEndpoint(endpoint)) {
            int seen = elb.describeLoadBalancers(r -> r.pageSize(PAGE)).loadBalancerDescriptions().size();
            if (seen != expected) {
                throw new IllegalStateException("expected " + expected + " load balancers, DescribeLoadBalancers shows " + seen);
            }
            Call call = switch (mode) {
                case "sdk" -> () -> elb.describeLoadBalancers(r -> r.pageSize(PAGE));
                case "raw" -> raw(endpoint, expected);
                default -> throw new IllegalArgumentException("mode sdk or raw, not " + mode);
            };
            phase(call, threads, warmupSeconds);
            long started = System.nanoTime();
            long[][] latencies = phase(call, threads, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("%s_rps %.1f%n", prefix, all.length / elapsed);
            System.out.printf("%s_p50_ms %.3f%n", prefix, percentile(all, 0.50) / 1e6);
            System.out.printf("%s_p99_ms %.3f%n", prefix, percentile(all, 0.99) / 1e6);
            System.err.printf("%s (%s): %d requests in %.2f s from %d threads, max %.1f ms%n", prefix, mode, all.length, elapsed,
                    threads, all[all.length - 1] / 1e6);
        }
    }

    private static long percentile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Call raw(URI endpoint, int expected) throws Exception {
        byte[] body = ("Action=DescribeLoadBalancers&Version=2012-06-01&PageSize=" + PAGE).getBytes(StandardCharsets.UTF_8);
        URL url = endpoint.resolve("/").toURL();
        Call call = () -> {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/elasticloadbalancing/aws4_request,"
                    + " SignedHeaders=host, Signature=0000");
            c.setRequestProperty("X-Amz-Date", "20260101T000000Z");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
        };
        // Check once that the raw request really returns every load balancer.
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/elasticloadbalancing/aws4_request,"
                + " SignedHeaders=host, Signature=0000");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        String xml;
        try (InputStream in = c.getInputStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int members = xml.split("<LoadBalancerName>", -1).length - 1;
        if (members != expected) {
            throw new IllegalStateException("raw DescribeLoadBalancers returned " + members + " load balancers, not " + expected);
        }
        return call;
    }

    private static long[][] phase(Call call, int threads, double seconds) throws Exception {
        long[][] latencies = new long[threads][];
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        long deadline = System.nanoTime() + (long) (seconds * 1e9) + 0; // set again at the start signal
        long[] end = {deadline};
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    start.await();
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end[0]) {
                            break;
                        }
                        call.run();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - before;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                latencies[id] = Arrays.copyOf(mine, n);
            }, "bench-client-" + t);
            workers[t].start();
        }
        end[0] = System.nanoTime() + (long) (seconds * 1e9);
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed", failure.get());
        }
        return latencies;
    }
}
