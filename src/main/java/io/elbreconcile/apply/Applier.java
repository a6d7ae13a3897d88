package io.elbreconcile.apply;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * Carries out a plan's steps in dependency order, independent ones concurrently up to the
 * parallelism. A failed step skips exactly what depends on it; the rest still runs. Rejected
 * credentials stop the run: every further call would fail the same way.
 */
public final class Applier {

    private final ElbPort port;
    private final int parallelism;
    private final ApplyListener listener;
    private final LongSupplier nanoTime;

    public Applier(ElbPort port, int parallelism, ApplyListener listener, LongSupplier nanoTime) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.port = port;
        this.parallelism = parallelism;
        this.listener = listener;
        this.nanoTime = nanoTime;
    }

    /**
     * Runs the plan's steps, after checking every one of them against the safeguards first.
     *
     * @throws UnsafePlanException before any call when a step breaks a safeguard
     */
    public ApplyReport apply(Plan plan, Safeguards safeguards) {
        List<String> violations = safeguards.violations(plan);
        if (!violations.isEmpty()) {
            throw new UnsafePlanException(violations);
        }
        long start = nanoTime.getAsLong();
        long retriesBefore = port.stats().retries();
        StepGraph graph = StepGraph.of(plan);
        List<Step> order = graph.executionOrder();
        Map<Step, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        // Ready steps start in execution order, so a run with parallelism 1 is the printed order.
        PriorityQueue<Step> ready = new PriorityQueue<>(Comparator.comparing(position::get));
        Map<Step, Integer> waitingFor = new HashMap<>();
        for (Step step : order) {
            int prerequisites = graph.prerequisites(step).size();
            waitingFor.put(step, prerequisites);
            if (prerequisites == 0) {
                ready.add(step);
            }
        }
        List<StepOutcome> outcomes = new ArrayList<>();
        Set<Step> finished = new HashSet<>();
        String abortReason = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, order.size())), daemon());
        try {
            CompletionService<StepOutcome> running = new ExecutorCompletionService<>(pool);
            StepRunner runner = new StepRunner(port, nanoTime);
            WriterCheck writers = new WriterCheck(port, plan);
            int inFlight = 0;
            while (true) {
                while (abortReason == null && inFlight < parallelism && !ready.isEmpty()) {
                    Step next = ready.poll();
                    Optional<String> objection = writers.objection(next.operation().loadBalancer(),
                            ready.stream().map(step -> step.operation().loadBalancer()).distinct().toList());
                    if (objection.isPresent()) {
                        // Another writer moved this load balancer since the plan: none of its steps runs.
                        record(new StepOutcome.Skipped(next, objection.get()), outcomes, finished);
                        for (Step blocked : graph.descendants(next)) {
                            if (finished.add(blocked)) {
                                record(new StepOutcome.Skipped(blocked, objection.get()), outcomes, finished);
                            }
                        }
                        continue;
                    }
                    listener.started(next);
                    running.submit(() -> runner.run(next));
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                StepOutcome outcome = take(running);
                inFlight--;
                record(outcome, outcomes, finished);
                if (outcome instanceof StepOutcome.Failed failed) {
                    if (failed.stopsTheRun()) {
                        abortReason = failed.message();
                    }
                    for (Step blocked : graph.descendants(outcome.step())) {
                        if (finished.add(blocked)) {
                            record(new StepOutcome.Skipped(blocked, outcome.step().id()), outcomes, finished);
                        }
                    }
                } else {
                    for (Step dependent : graph.dependents(outcome.step())) {
                        int left = waitingFor.merge(dependent, -1, Integer::sum);
                        if (left == 0 && !finished.contains(dependent)) {
                            ready.add(dependent);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Step step : order) {
            if (!finished.contains(step)) {
                record(new StepOutcome.Skipped(step, "the run stopping: " + abortReason), outcomes, finished);
            }
        }
        return new ApplyReport(outcomes, port.stats().retries() - retriesBefore,
                Duration.ofNanos(nanoTime.getAsLong() - start), abortReason);
    }

    private void record(StepOutcome outcome, List<StepOutcome> outcomes, Set<Step> finished) {
        outcomes.add(outcome);
        finished.add(outcome.step());
        listener.finished(outcome);
    }

    private static StepOutcome take(CompletionService<StepOutcome> running) {
        try {
            return running.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("apply interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step runner failed unexpectedly", e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "elb-reconcile-apply");
            thread.setDaemon(true);
            return thread;
        };
    }
}
