package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.plan.operation.Operation;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One API call of a plan, with the ids of the steps that must succeed before it.
 *
 * @param id stable and readable, e.g. {@code SetLoadBalancerPoliciesOfListener:ListenerPolicies/lb/80},
 *           so that plans of the same input diff cleanly
 * @param address the change this step carries out
 */
public record Step(String id, Address address, Operation operation, SortedSet<String> dependsOn) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(operation, "operation");
        dependsOn = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dependsOn));
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("step " + id + " depends on itself");
        }
    }

    public String describe() {
        return operation.describe();
    }
}
