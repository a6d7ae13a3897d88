package io.elbreconcile.apply;

import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.RemoveTags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What no step may do, whatever plan it comes from (a fresh one, a saved one, an edited one):
 * checked by the executor before its first call, as a second line behind the saved-plan check.
 *
 * @param allowDelete whether {@code --allow-delete} was given on this command line (never read from a file)
 * @param observed the load balancers this run looked up (existing or not): the only ones a step may touch
 * @param liveTags the tags of those that exist, as this run observed them
 */
public record Safeguards(boolean allowDelete, Set<String> observed, Map<String, SortedMap<String, String>> liveTags) {

    public Safeguards {
        observed = Collections.unmodifiableSet(new TreeSet<>(observed));
        liveTags = Collections.unmodifiableMap(new TreeMap<>(liveTags));
    }

    /** @param lookedUp every name this run asked the target about, whether or not it exists */
    public static Safeguards of(boolean allowDeleteOnCommandLine, Collection<String> lookedUp, ObservedState observation) {
        Set<String> observed = new TreeSet<>(lookedUp);
        observed.addAll(observation.loadBalancers().keySet());
        Map<String, SortedMap<String, String>> tags = new TreeMap<>();
        observation.loadBalancers().forEach((name, lb) -> tags.put(name, lb.tags()));
        return new Safeguards(allowDeleteOnCommandLine, observed, tags);
    }

    /** Why the plan must not run, one line per offending step; empty when every step is allowed. */
    public List<String> violations(Plan plan) {
        List<String> violations = new ArrayList<>();
        for (Step step : plan.steps()) {
            violation(step).ifPresent(violations::add);
        }
        return violations;
    }

    private java.util.Optional<String> violation(Step step) {
        Operation operation = step.operation();
        String lb = operation.loadBalancer();
        String refused = "refusing step " + step.id() + ": ";
        if (!lb.equals(step.address().loadBalancer())) {
            return java.util.Optional.of(refused + "it calls " + operation.awsOperation() + " on load balancer " + lb
                    + " but is filed under " + step.address());
        }
        if (!observed.contains(lb)) {
            return java.util.Optional.of(refused + "load balancer " + lb + " was not observed in this run");
        }
        boolean isProtected = ReservedTags.isProtected(liveTags.getOrDefault(lb, new TreeMap<>()));
        // Only these three calls delete a load balancer or write its tags: CreateLoadBalancer cannot retag an
        // existing one (other tags fail with DuplicateLoadBalancerName, reference: CreateLoadBalancer). The
        // operations mirror the Classic ELB API one to one, so a plain type test is enough here.
        if (operation instanceof DeleteLoadBalancer) {
            if (!allowDelete) {
                return java.util.Optional.of(refused + "deleting load balancer " + lb + " needs --allow-delete on this command line");
            }
            if (isProtected) {
                return java.util.Optional.of(refused + "load balancer " + lb + " is protected (tag "
                        + ReservedTags.PROTECT + ") and is never deleted");
            }
        }
        if (isProtected && operation instanceof RemoveTags remove && remove.keys().contains(ReservedTags.PROTECT)) {
            return java.util.Optional.of(refused + "it removes the tag " + ReservedTags.PROTECT
                    + " from protected load balancer " + lb);
        }
        if (isProtected && operation instanceof AddTags add && add.tags().containsKey(ReservedTags.PROTECT)
                && !add.tags().get(ReservedTags.PROTECT).equals(liveTags.get(lb).get(ReservedTags.PROTECT))) {
            return java.util.Optional.of(refused + "it replaces the tag " + ReservedTags.PROTECT
                    + " of protected load balancer " + lb);
        }
        return java.util.Optional.empty();
    }
}
