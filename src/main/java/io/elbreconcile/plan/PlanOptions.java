package io.elbreconcile.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Choices that change what a plan contains.
 *
 * @param stack when present, managed load balancers are tagged {@code elb-reconcile:stack=NAME} and
 *              undeclared ones carrying that tag are planned for deletion
 * @param allowDelete whether load balancers may be deleted (never a protected one)
 */
public record PlanOptions(Optional<String> stack, boolean allowDelete, ReplaceStrategy replaceStrategy) {

    public static final String PROTECT_TAG = io.elbreconcile.model.ReservedTags.PROTECT;

    public PlanOptions {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(replaceStrategy, "replaceStrategy");
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Optional.empty(), false, ReplaceStrategy.ZERO_GAP);
    }
}
