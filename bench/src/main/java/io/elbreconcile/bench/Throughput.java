package io.elbreconcile.bench;

import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * DescribeLoadBalancers (no names: the whole region, one page) from a few client threads sharing
 * one SDK client, as fast as they go: a warm-up phase that is thrown away, then a measured phase.
 * Prints requests per second and latency percentiles as {@code key value} lines.
 */
final class Throughput {

    private Throughput() {
    }

    static void run(URI endpoint, String prefix, int threads, double warmupSeconds, double seconds, int expected)
            throws Exception {
        try (ElasticLoadBalancingClient elb = Clients.forEndpoint(endpoint)) {
            int seen = elb.describeLoadBalancers().loadBalancerDescriptions().size();
            if (seen != expected) {
                throw new IllegalStateException("expected " + expected + " load balancers, DescribeLoadBalancers shows " + seen);
            }
            phase(elb, threads, warmupSeconds);
            long started = System.nanoTime();
            long[][] latencies = phase(elb, threads, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("%s_rps %.1f%n", prefix, all.length / elapsed);
            System.out.printf("%s_p50_ms %.3f%n", prefix, percentile(all, 0.50) / 1e6);
            System.out.printf("%s_p99_ms %.3f%n", prefix, percentile(all, 0.99) / 1e6);
            System.err.printf("%s: %d requests in %.2f s from %d threads, max %.1f ms%n", prefix, all.length, elapsed,
                    threads, all[all.length - 1] / 1e6);
        }
    }

    private static long percentile(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long[][] phase(ElasticLoadBalancingClient elb, int threads, double seconds) throws Exception {
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
                        elb.describeLoadBalancers();
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
