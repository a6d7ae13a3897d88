package io.elbreconcile.apply;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Fingerprints;
import io.elbreconcile.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a saved plan still fits the world: same target, and every observed resource it depends
 * on unchanged. A plan is never applied on trust (unlike a state serial, live state is checked).
 */
public final class StalePlanCheck {

    private StalePlanCheck() {
    }

    /** What to read again: the load balancers named by the plan's fingerprints. */
    private static Set<String> loadBalancers(Plan plan) {
        Set<String> names = new TreeSet<>();
        plan.fingerprints().keySet().forEach(key -> names.add(Address.parse(key).loadBalancer()));
        return names;
    }

    /** Why the plan cannot be applied, one line each; empty when it can. */
    public static List<String> problems(Plan plan, Target current, ObservedState reobserved) {
        return problems(plan, current, reobserved, name -> true);
    }

    /**
     * As {@link #problems(Plan, Target, ObservedState)}, comparing only the fingerprints of load
     * balancers the re-observation covered; a fingerprint outside it is not staleness but an edit,
     * which the comparison with a fresh plan reports.
     */
    public static List<String> problems(Plan plan, Target current, ObservedState reobserved,
                                        java.util.function.Predicate<String> covered) {
        List<String> problems = new ArrayList<>();
        if (!plan.target().sameAs(current)) {
            problems.add("the plan was made for " + describe(plan.target()) + ", not " + describe(current));
            return problems;
        }
        Map<String, String> now = Fingerprints.of(reobserved.loadBalancers(), loadBalancers(plan));
        for (Map.Entry<String, String> expected : plan.fingerprints().entrySet()) {
            if (!covered.test(Address.parse(expected.getKey()).loadBalancer())) {
                continue;
            }
            String actual = now.get(expected.getKey());
            if (!Objects.equals(expected.getValue(), actual)) {
                problems.add(expected.getKey() + " changed since the plan was made"
                        + (Fingerprints.ABSENT.equals(expected.getValue()) ? " (it now exists)"
                        : actual == null || Fingerprints.ABSENT.equals(actual) ? " (it no longer exists)" : ""));
            }
        }
        return problems;
    }

    private static String describe(Target target) {
        return target.endpoint() + " (" + target.region() + (target.account() == null ? "" : ", account " + target.account()) + ")";
    }
}
