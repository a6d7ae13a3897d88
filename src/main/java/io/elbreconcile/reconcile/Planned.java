package io.elbreconcile.reconcile;

import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.Plan;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan with what it was made from: the observation, and every load balancer name the run
 * looked up (whether it exists or not), which are the only ones apply may touch.
 */
public record Planned(Plan plan, ObservedState observed, Set<String> lookedUp) {

    public Planned {
        lookedUp = Collections.unmodifiableSet(new TreeSet<>(lookedUp));
    }

    public Safeguards safeguards(boolean allowDeleteOnCommandLine) {
        return Safeguards.of(allowDeleteOnCommandLine, lookedUp, observed);
    }
}
