package io.elbreconcile.drift;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.ResourceKind;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.ReplaceStrategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies the differences between Git and reality. It reads the planner's changes rather than
 * diffing again, so drift and plan can never disagree about what AWS considers equal: a
 * difference is reported exactly when {@code plan} would act on it (or hold back from acting).
 */
public final class DriftDetector {

    private final Planner planner = new Planner();

    public DriftReport detect(DesiredState desired, ObservedState observed, Optional<String> stack, Target target) {
        // allowDelete only widens what counts as drift (unmanaged load balancers); nothing is applied.
        Plan plan = planner.plan(desired, observed, new PlanOptions(stack, true, ReplaceStrategy.ZERO_GAP), target);
        Set<String> missingLoadBalancers = new HashSet<>();
        for (Change change : plan.changes()) {
            if (change.address().kind() == ResourceKind.LOAD_BALANCER && change.action() == Action.CREATE) {
                missingLoadBalancers.add(change.address().loadBalancer());
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (Change change : plan.changes()) {
            Address address = change.address();
            boolean insideMissing = missingLoadBalancers.contains(address.loadBalancer())
                    && address.kind() != ResourceKind.LOAD_BALANCER;
            if (insideMissing) {
                continue; // one line for a missing load balancer, not one per part of it
            }
            classify(change).ifPresent(kind -> differences.add(
                    new Difference(kind, address, change.before(), change.after(), String.join("; ", change.reasons()))));
        }
        return new DriftReport(target, differences, plan.changes().size());
    }

    private static Optional<DriftKind> classify(Change change) {
        Action action = change.action();
        boolean heldBack = change.reasons().stream().anyMatch(r -> r.contains("held back"));
        if (action == Action.NOOP && !heldBack) {
            return Optional.empty();
        }
        if (change.before().equals(change.after()) && !heldBack) {
            // Set again only as a consequence of another change (a zero-gap swap back): not drift itself.
            return Optional.empty();
        }
        ResourceKind kind = change.address().kind();
        return Optional.of(switch (kind) {
            case LOAD_BALANCER -> action == Action.CREATE ? DriftKind.MISSING
                    : action == Action.DELETE || change.reasons().stream().anyMatch(r -> r.startsWith("deletion held back"))
                    ? DriftKind.UNMANAGED : DriftKind.CHANGED;
            case LB_COOKIE_POLICY, APP_COOKIE_POLICY -> action == Action.CREATE ? DriftKind.MISSING
                    : action == Action.DELETE && change.reasons().stream().noneMatch(r -> r.startsWith("ensure: absent"))
                    ? DriftKind.ORPHAN : DriftKind.CHANGED;
            case LISTENER_POLICIES -> isDetached(change) ? DriftKind.DETACHED : DriftKind.CHANGED;
            case LISTENER -> action == Action.CREATE ? DriftKind.MISSING : DriftKind.CHANGED;
            case HEALTH_CHECK, ATTRIBUTES, TAGS -> DriftKind.CHANGED;
        });
    }

    /** A declared policy is absent from the list AWS reports for the listener. */
    private static boolean isDetached(Change change) {
        List<?> before = listOrEmpty(change.before().get("policyNames"));
        List<?> after = listOrEmpty(change.after().get("policyNames"));
        return after.stream().anyMatch(name -> !before.contains(name));
    }

    private static List<?> listOrEmpty(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
