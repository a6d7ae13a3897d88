package io.elbreconcile.cli;

import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.ReplaceStrategy;
import picocli.CommandLine.Option;

import java.util.Optional;

/** How to plan: ownership, deletions and how a changed policy is replaced. */
final class PlanningOptions {

    @Option(names = "--stack", paramLabel = "NAME",
            description = "Tag managed load balancers elb-reconcile:stack=NAME; one with that tag but no document is planned for deletion.")
    String stack;

    @Option(names = "--allow-delete",
            description = "Carry out deletions of load balancers (undeclared ones of --stack); never one with protect: true.")
    boolean allowDelete;

    @Option(names = "--replace-strategy", paramLabel = "STRATEGY", defaultValue = "zero-gap",
            converter = ReplaceStrategyConverter.class,
            description = "How a changed policy is replaced: zero-gap (default: a temporary policy keeps stickiness on) or direct (detach, delete, create, attach).")
    ReplaceStrategy replaceStrategy;

    PlanOptions toPlanOptions() {
        return new PlanOptions(Optional.ofNullable(stack), allowDelete, replaceStrategy);
    }

    static final class ReplaceStrategyConverter implements picocli.CommandLine.ITypeConverter<ReplaceStrategy> {
        @Override
        public ReplaceStrategy convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "zero-gap", "zero_gap" -> ReplaceStrategy.ZERO_GAP;
                case "direct" -> ReplaceStrategy.DIRECT;
                default -> throw new picocli.CommandLine.TypeConversionException("expected zero-gap or direct, not '" + value + "'");
            };
        }
    }
}
