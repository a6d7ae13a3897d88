package io.elbreconcile.apply;

import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Safeguards for tests of the executor's other duties: every load balancer the plan names counts as observed and unprotected, deletions allowed. */
public final class TestSafeguards {

    private TestSafeguards() {
    }

    public static Safeguards permitting(Plan plan) {
        Set<String> names = new TreeSet<>();
        for (Step step : plan.steps()) {
            names.add(step.operation().loadBalancer());
        }
        return new Safeguards(true, names, Map.of());
    }
}
