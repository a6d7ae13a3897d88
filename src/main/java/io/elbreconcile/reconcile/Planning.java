package io.elbreconcile.reconcile;

import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.NewSslV2Policies;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.TargetScope;

import java.util.Set;

/** Observe, then plan: the sequence plan, apply and graph share once the input is loaded. */
public final class Planning {

    private Planning() {
    }

    /** A plan to run now or to save; load balancers outside every {@code --target} are not even read. */
    public static Planned planned(OpenTarget target, DesiredState desired, PlanOptions options) {
        DesiredState read = read(desired, options);
        return planned(target, desired, Observation.observe(target.port(), read, options.stack()), Observation.lookedUp(read),
                options);
    }

    /**
     * What a run reads of the desired state: the load balancers some {@code --target} may cover, or
     * all of them. The check of a saved plan reads the same, so a change outside the targets is
     * neither read nor stale (the planner would leave it out anyway).
     */
    static DesiredState read(DesiredState desired, PlanOptions options) {
        return new TargetScope(options.targets()).restrict(desired);
    }

    /** @param lookedUp the names the observation asked about, the only ones apply may touch */
    static Planned planned(OpenTarget target, DesiredState desired, ObservedState observed, Set<String> lookedUp,
                           PlanOptions options) {
        Plan plan = new Planner().plan(desired, observed, options, target.target());
        NewSslV2Policies.refuse(plan, desired, observed);
        return new Planned(plan, observed, lookedUp);
    }
}
