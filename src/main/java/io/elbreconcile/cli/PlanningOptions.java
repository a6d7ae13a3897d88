package io.elbreconcile.cli;

import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.ReplaceStrategy;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--target", paramLabel = "ADDRESS", converter = AddressPatternConverter.class,
            description = "Plan only this address and what it needs (repeatable; * globs, e.g. LoadBalancer/web-*). "
                    + "LoadBalancer/NAME covers all of that load balancer. Nothing outside is compared or changed.")
    List<AddressPattern> targets = new ArrayList<>();

    PlanOptions toPlanOptions() {
        return new PlanOptions(Optional.ofNullable(stack), allowDelete, replaceStrategy, targets);
    }

    /** A malformed --target is a usage error: one line, exit 1. */
    static final class AddressPatternConverter implements picocli.CommandLine.ITypeConverter<AddressPattern> {
        @Override
        public AddressPattern convert(String value) {
            try {
                return AddressPattern.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw new picocli.CommandLine.TypeConversionException(malformed.getMessage());
            }
        }
    }

    /** The options a saved plan's apply must be given again (they come from its command line, never from the file). */
    String asArguments() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (stack != null) {
            out.add("--stack " + TargetOptions.shellWord(stack));
        }
        if (allowDelete) {
            out.add("--allow-delete");
        }
        if (replaceStrategy == ReplaceStrategy.DIRECT) {
            out.add("--replace-strategy direct");
        }
        targets.forEach(target -> out.add("--target " + TargetOptions.shellWord(target.toString())));
        return String.join(" ", out);
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
