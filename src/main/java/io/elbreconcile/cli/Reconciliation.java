package io.elbreconcile.cli;

import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.observe.Scope;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.TargetScope;
import io.elbreconcile.aws.Regions;
import io.elbreconcile.model.Shard;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.spec.EnclosingTarget;
import io.elbreconcile.spec.SpecLoader;

import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.model.InputText;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;

/** The steps plan, apply, graph and drift share: load, then observe, then plan. */
final class Reconciliation {

    private Reconciliation() {
    }

    static DesiredState load(Path path) {
        DesiredState state = new SpecLoader(Regions::known).load(path).state();
        refuseBelowATarget(path);
        return state;
    }

    /**
     * An input without Target documents that lies below one belongs to that target: reconciling
     * it against the command line's target could reach another account or region.
     */
    static void refuseBelowATarget(Path path) {
        EnclosingTarget.above(path).ifPresent(target -> {
            throw new UserFacingException(path + " lies below the Target document at " + target + ", which its documents"
                    + " belong to; run on that Target's directory (or the repository's root with --only-target NAME)");
        });
    }

    /**
     * The input as {@link #loadWhileConnecting} loads it, except that an input holding Target
     * documents is returned as its shards, with no connection (each target opens its own).
     */
    static Input loadInput(Path path, TargetOptions target, Optional<String> stack) {
        CompletableFuture<Connection> opening = Connection.openInBackground(target);
        SpecLoader.Loaded loaded;
        try {
            loaded = new SpecLoader(Regions::known).load(path, stack.isPresent());
        } catch (RuntimeException invalid) {
            Connection.abandon(opening, target.usesEmbeddedEmulator());
            throw invalid;
        }
        if (loaded.targeted()) {
            // The command line's target is not wanted (and may not even resolve: no region).
            Connection.abandon(opening, target.usesEmbeddedEmulator());
            return new Input(null, loaded.shards(), loaded.inputs());
        }
        try {
            refuseBelowATarget(path);
        } catch (RuntimeException below) {
            Connection.abandon(opening, target.usesEmbeddedEmulator());
            throw below;
        }
        return new Input(new Loaded(loaded.state(), loaded.inputs(), Connection.await(opening)), loaded.shards(), loaded.inputs());
    }

    /** Either one target's input and connection ({@code single}), or the shards of several Target documents. */
    record Input(Loaded single, List<Shard> shards, List<InputText> inputs) {
        boolean targeted() {
            return single == null;
        }

        /** The files of one target: those in its directory or below (a saved plan records them). */
        List<InputText> inputsOf(Shard shard) {
            Path directory = Path.of(shard.target().orElseThrow().directory()).toAbsolutePath().normalize();
            return inputs.stream().filter(input -> Path.of(input.path()).toAbsolutePath().normalize().startsWith(directory)).toList();
        }
    }

    /** As {@link #load(Path)}; an empty directory is the empty state when a stack is named. */
    static DesiredState load(Path path, Optional<String> stack) {
        DesiredState state = new SpecLoader(Regions::known).load(path, stack.isPresent()).state();
        refuseBelowATarget(path);
        return state;
    }

    /**
     * Loads the input while the target is opened in the background; invalid input abandons the
     * connection before any request is made.
     */
    static Loaded loadWhileConnecting(Path path, TargetOptions target) {
        return loadWhileConnecting(path, target, Optional.empty());
    }

    /** @param stack when present, an empty directory is valid: the stack's load balancers are all to go */
    static Loaded loadWhileConnecting(Path path, TargetOptions target, Optional<String> stack) {
        CompletableFuture<Connection> opening = Connection.openInBackground(target);
        SpecLoader.Loaded desired;
        try {
            desired = new SpecLoader(Regions::known).load(path, stack.isPresent());
            desired.state();
            refuseBelowATarget(path);
        } catch (RuntimeException invalid) {
            Connection.abandon(opening, target.usesEmbeddedEmulator());
            throw invalid;
        }
        return new Loaded(desired.state(), desired.inputs(), Connection.await(opening));
    }

    /** The desired state, the input text it was loaded from, and an open connection, which the caller closes. */
    record Loaded(DesiredState desired, List<InputText> inputs, Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
        }
    }

    static ObservedState observe(Connection connection, DesiredState desired, Optional<String> stack) {
        return new Observer(connection.port()).observe(desired, stack.map(Scope::stack).orElse(Scope.declared()));
    }

    static Plan plan(Connection connection, DesiredState desired, PlanOptions options) {
        return planned(connection, desired, options).plan();
    }

    /**
     * A plan with what it was made from: the observation, and every load balancer name the run
     * looked up (whether it exists or not), which are the only ones apply may touch.
     */
    record Planned(Plan plan, ObservedState observed, Set<String> lookedUp) {
        Safeguards safeguards(boolean allowDeleteOnCommandLine) {
            return Safeguards.of(allowDeleteOnCommandLine, lookedUp, observed);
        }
    }

    static Planned planned(Connection connection, DesiredState desired, PlanOptions options) {
        // Load balancers outside every --target are not even read.
        ObservedState observed = observe(connection, new TargetScope(options.targets()).restrict(desired), options.stack());
        return new Planned(new Planner().plan(desired, observed, options, connection.target()), observed, lookedUp(desired));
    }

    /** The names an observation of this desired state asks about, whether they exist or not. */
    static Set<String> lookedUp(DesiredState desired) {
        Set<String> names = new TreeSet<>(desired.loadBalancers().keySet());
        desired.attachments().forEach(a -> names.add(a.loadBalancer()));
        return names;
    }
}
