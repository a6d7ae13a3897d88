package io.elbreconcile.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per target, at most {@code parallelism} at once (PRODUCT.md section 16).
 * Targets are independent: one failing (unreachable, denied) never stops the others, and every
 * outcome comes back in the order the targets were given, so that reports are deterministic.
 * Beyond one machine a target is a CI job or a CronJob; this is no scheduler.
 */
public final class TargetRunner {

    /** Work on one target. */
    @FunctionalInterface
    public interface Work<I, T> {
        T run(I input);
    }

    private final int parallelism;
    private final Function<RuntimeException, String> describe;

    /**
     * @param describe turns a target's failure into the one line users see
     */
    public TargetRunner(int parallelism, Function<RuntimeException, String> describe) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.parallelism = parallelism;
        this.describe = describe;
    }

    /**
     * @param names the target of each input, in the same order
     */
    public <I, T> List<TargetOutcome<T>> run(List<String> names, List<I> inputs, Work<I, T> work) {
        if (names.size() != inputs.size()) {
            throw new IllegalArgumentException("one name per input: " + names.size() + " names, " + inputs.size() + " inputs");
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()), runnable -> {
            Thread thread = new Thread(runnable, "target");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TargetOutcome<T>>> running = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String name = names.get(i);
                I input = inputs.get(i);
                running.add(pool.submit(() -> attempt(name, input, work)));
            }
            List<TargetOutcome<T>> outcomes = new ArrayList<>();
            for (Future<TargetOutcome<T>> outcome : running) {
                outcomes.add(outcome.get());
            }
            return List.copyOf(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while targets were running", e);
        } catch (ExecutionException e) {
            // attempt() catches every RuntimeException; what is left is an Error, rethrown as it was.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private <I, T> TargetOutcome<T> attempt(String name, I input, Work<I, T> work) {
        try {
            return new TargetOutcome.Done<>(name, work.run(input));
        } catch (RuntimeException failure) {
            return new TargetOutcome.Failed<>(name, describe.apply(failure), failure);
        }
    }
}
