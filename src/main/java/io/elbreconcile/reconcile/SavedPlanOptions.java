package io.elbreconcile.reconcile;

import io.elbreconcile.diag.Printable;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.ReplaceStrategy;

import java.util.Optional;

/**
 * The options a saved plan was made with against those given to apply. They come from the apply
 * command line, never from the file: a plan made with {@code --allow-delete} needs it again.
 */
public final class SavedPlanOptions {

    private SavedPlanOptions() {
    }

    /** The first option that differs, as a sentence; empty when they are the same. */
    public static Optional<String> mismatch(PlanOptions saved, PlanOptions given) {
        if (saved.allowDelete() != given.allowDelete()) {
            return Optional.of(saved.allowDelete()
                    ? "the plan was made with --allow-delete, and deletions need it on the apply command line too"
                    + " (add --allow-delete, or run plan again without it)"
                    : "the saved plan was made without --allow-delete; apply it without --allow-delete, or run plan again with it");
        }
        if (!saved.stack().equals(given.stack())) {
            return Optional.of("the plan was made with " + stack(saved) + " but apply was given " + stack(given)
                    + " (give apply the same --stack)");
        }
        if (saved.replaceStrategy() != given.replaceStrategy()) {
            return Optional.of("the plan was made with --replace-strategy " + wire(saved.replaceStrategy())
                    + " but apply was given " + wire(given.replaceStrategy()) + " (give apply the same --replace-strategy)");
        }
        if (!saved.targets().equals(given.targets())) {
            return Optional.of("the plan was made with " + targets(saved) + " but apply was given " + targets(given)
                    + " (give apply the same --target)");
        }
        return Optional.empty();
    }

    private static String targets(PlanOptions options) {
        return options.partial() ? options.targets().stream().map(t -> "--target " + Printable.value(t.toString()))
                .collect(java.util.stream.Collectors.joining(" ")) : "no --target";
    }

    private static String stack(PlanOptions options) {
        return options.stack().map(name -> "--stack " + Printable.value(name)).orElse("no --stack");
    }

    private static String wire(ReplaceStrategy strategy) {
        return strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
