package io.elbreconcile.cli;

import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.observe.Scope;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.spec.SpecLoader;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;

/** The steps plan, apply, graph and drift share: load, then observe, then plan. */
final class Reconciliation {

    private Reconciliation() {
    }

    static DesiredState load(Path path) {
        return new SpecLoader().load(path).state();
    }

    /** As {@link #load(Path)}; an empty directory is the empty state when a stack is named. */
    static DesiredState load(Path path, Optional<String> stack) {
        return new SpecLoader().load(path, stack.isPresent()).state();
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
        DesiredState desired;
        try {
            desired = load(path, stack);
        } catch (RuntimeException invalid) {
            Connection.abandon(opening, target.usesEmbeddedEmulator());
            throw invalid;
        }
        return new Loaded(desired, Connection.await(opening));
    }

    /** The desired state and an open connection, which the caller closes. */
    record Loaded(DesiredState desired, Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
        }
    }

    static ObservedState observe(Connection connection, DesiredState desired, Optional<String> stack) {
        return new Observer(connection.port()).observe(desired, stack.map(Scope::stack).orElse(Scope.declared()));
    }

    static Plan plan(Connection connection, DesiredState desired, PlanOptions options) {
        ObservedState observed = observe(connection, desired, options.stack());
        return new Planner().plan(desired, observed, options, connection.target());
    }
}
