package io.elbreconcile.plan;

import io.elbreconcile.model.AddressPattern;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Choices that change what a plan contains.
 *
 * @param stack when present, managed load balancers are tagged {@code elb-reconcile:stack=NAME} and
 *              undeclared ones carrying that tag are planned for deletion
 * @param allowDelete whether load balancers may be deleted (never a protected one)
 * @param targets {@code --target}: when not empty, the plan covers only these addresses and what they need
 */
public record PlanOptions(Optional<String> stack, boolean allowDelete, ReplaceStrategy replaceStrategy,
                          List<AddressPattern> targets) {

    public static final String PROTECT_TAG = io.elbreconcile.model.ReservedTags.PROTECT;

    public PlanOptions {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(replaceStrategy, "replaceStrategy");
        targets = targets.stream().distinct().sorted().toList();
    }

    /** Options of a whole plan (no {@code --target}). */
    public PlanOptions(Optional<String> stack, boolean allowDelete, ReplaceStrategy replaceStrategy) {
        this(stack, allowDelete, replaceStrategy, List.of());
    }

    public PlanOptions withTargets(List<AddressPattern> newTargets) {
        return new PlanOptions(stack, allowDelete, replaceStrategy, newTargets);
    }

    /** Whether {@code --target} narrowed the plan. */
    public boolean partial() {
        return !targets.isEmpty();
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Optional.empty(), false, ReplaceStrategy.ZERO_GAP);
    }
}
