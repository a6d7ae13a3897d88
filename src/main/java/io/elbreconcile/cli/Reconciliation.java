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
import java.util.Optional;

/** The steps plan, apply, graph and drift share: load, then observe, then plan. */
final class Reconciliation {

    private Reconciliation() {
    }

    /** Loads first, so that bad input fails before any connection is opened. */
    static DesiredState load(Path path) {
        return new SpecLoader().load(path).state();
    }

    static ObservedState observe(Connection connection, DesiredState desired, Optional<String> stack) {
        return new Observer(connection.port()).observe(desired, stack.map(Scope::stack).orElse(Scope.declared()));
    }

    static Plan plan(Connection connection, DesiredState desired, PlanOptions options) {
        ObservedState observed = observe(connection, desired, options.stack());
        return new Planner().plan(desired, observed, options, connection.target());
    }
}
