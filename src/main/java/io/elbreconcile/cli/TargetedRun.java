package io.elbreconcile.cli;

import io.elbreconcile.cli.view.TargetGroupView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.model.DeclaredTarget;
import io.elbreconcile.model.Shard;
import io.elbreconcile.shard.TargetOutcome;
import io.elbreconcile.shard.TargetRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run over the input's Target documents: one connection per target (opened on first use and
 * kept for the run's later phases), at most {@code --target-parallelism} targets at once. With
 * {@code --emulator} one embedded emulator serves every target: it overrides their endpoints, and
 * the target's region and role's account pick the world.
 */
final class TargetedRun implements AutoCloseable {

    /** What a phase does with one target. */
    @FunctionalInterface
    interface Phase<I, T> {
        T run(Shard shard, Connection connection, I input);
    }

    private final List<Shard> shards;
    private final TargetOptions options;
    private final EmulatorServer embedded;
    private final TargetRunner runner;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private TargetedRun(List<Shard> shards, TargetOptions options, EmulatorServer embedded, int parallelism) {
        this.shards = List.copyOf(shards);
        this.options = options;
        this.embedded = embedded;
        this.runner = new TargetRunner(parallelism, FailureLine::of);
    }

    static TargetedRun start(List<Shard> shards, TargetOptions options, TargetSelection selection) {
        List<String> given = new ArrayList<>();
        if (options.endpointUrl != null) {
            given.add("--endpoint-url");
        }
        if (options.region != null) {
            given.add("--region");
        }
        if (options.profile != null) {
            given.add("--profile");
        }
        if (!given.isEmpty()) {
            // Section 16: command-line target options apply only where the input holds no Target document.
            throw new UserFacingException(String.join(", ", given) + " cannot be used with Target documents: each target"
                    + " names its own region, profile, role and endpoint (--emulator may stand in for all of them)");
        }
        List<Shard> selected = selection.select(shards, true);
        EmulatorServer server = options.usesEmbeddedEmulator() ? Connection.startEmbedded(options) : null;
        return new TargetedRun(selected, options, server, selection.parallelism());
    }

    List<Shard> shards() {
        return shards;
    }

    /** Runs {@code phase} on every target, each with its own connection. */
    <T> List<TargetOutcome<T>> each(Phase<Void, T> phase) {
        return runner.run(names(shards), shards, shard -> phase.run(shard, connection(shard), null));
    }

    /**
     * Runs {@code phase} on the targets an earlier phase succeeded on, with that phase's value;
     * a target that failed before keeps its failure.
     */
    <I, T> List<TargetOutcome<T>> then(List<TargetOutcome<I>> earlier, Phase<I, T> phase) {
        List<Shard> next = new ArrayList<>();
        List<I> values = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            Optional<I> value = earlier.get(i).value();
            if (value.isPresent()) {
                next.add(shards.get(i));
                values.add(value.get());
            }
        }
        List<TargetOutcome<T>> done = new ArrayList<>(runner.run(names(next), indices(next.size()),
                i -> phase.run(next.get(i), connection(next.get(i)), values.get(i))));
        List<TargetOutcome<T>> all = new ArrayList<>();
        for (TargetOutcome<I> before : earlier) {
            if (before instanceof TargetOutcome.Failed<I> failed) {
                all.add(new TargetOutcome.Failed<>(failed.target(), failed.message(), failed.failure()));
            } else {
                all.add(done.remove(0));
            }
        }
        return all;
    }

    /** The report section of each outcome, rendered by {@code render} when it succeeded. */
    <T> List<TargetGroupView.Section> sections(List<TargetOutcome<T>> outcomes, java.util.function.Function<T, String> render) {
        List<TargetGroupView.Section> sections = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            DeclaredTarget target = shards.get(i).target().orElseThrow();
            TargetOutcome<T> outcome = outcomes.get(i);
            String body = outcome.value().map(render).orElse(null);
            String error = outcome instanceof TargetOutcome.Failed<T> failed ? failed.message() : null;
            sections.add(new TargetGroupView.Section(target.name(), target.region(), target.roleAccount().orElse(null), body, error));
        }
        return sections;
    }

    private Connection connection(Shard shard) {
        DeclaredTarget target = shard.target().orElseThrow();
        return connections.computeIfAbsent(target.name(), name -> Connection.forTarget(target, options, embedded));
    }

    private static List<String> names(List<Shard> shards) {
        return shards.stream().map(Shard::name).toList();
    }

    private static List<Integer> indices(int count) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        return indices;
    }

    /** The worst of exit codes: an error over changes over none. */
    static int worst(int a, int b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(int exitCode) {
        return exitCode == ExitCodes.ERROR ? 2 : exitCode == ExitCodes.CHANGES ? 1 : 0;
    }

    @Override
    public void close() {
        connections.values().forEach(Connection::close);
        if (embedded != null) {
            embedded.close();
        }
    }
}
