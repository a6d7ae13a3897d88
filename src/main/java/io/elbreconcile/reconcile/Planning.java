package io.elbreconcile.reconcile;

import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.TargetScope;

/** Observe, then plan: the sequence plan, apply and graph share once the input is loaded. */
public final class Planning {

    private Planning() {
    }

    /** A plan to run now; load balancers outside every {@code --target} are not even read. */
    public static Planned planned(OpenTarget target, DesiredState desired, PlanOptions options) {
        ObservedState observed = Observation.observe(target.port(), new TargetScope(options.targets()).restrict(desired),
                options.stack());
        return planned(target, desired, observed, options);
    }

    /**
     * A plan that may be saved: it reads every declared load balancer, as the check of a saved
     * plan does when it re-plans, so that the two fingerprint the same reads.
     */
    public static Planned plannedReadingAll(OpenTarget target, DesiredState desired, PlanOptions options) {
        return planned(target, desired, Observation.observe(target.port(), desired, options.stack()), options);
    }

    static Planned planned(OpenTarget target, DesiredState desired, ObservedState observed, PlanOptions options) {
        return new Planned(new Planner().plan(desired, observed, options, target.target()), observed,
                Observation.lookedUp(desired));
    }
}
