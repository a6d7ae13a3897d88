package io.elbreconcile.reconcile;

import java.util.List;
import java.util.function.Function;

/** What re-planning a saved plan's recorded input against the live target found. */
public sealed interface SavedPlanVerdict permits SavedPlanVerdict.Holds, SavedPlanVerdict.Stale, SavedPlanVerdict.Differs {

    /** The one of {@code holds}, {@code stale} and {@code differs} that fits this verdict, applied to it. */
    <R> R match(Function<Planned, R> holds, Function<List<String>, R> stale, Function<String, R> differs);

    /** The fresh plan is exactly the saved one: apply runs the fresh one, made from what it just read. */
    record Holds(Planned fresh) implements SavedPlanVerdict {
        @Override
        public <R> R match(Function<Planned, R> holds, Function<List<String>, R> stale, Function<String, R> differs) {
            return holds.apply(fresh);
        }
    }

    /** The plan is for another target, or something it read has changed since; one line each. */
    record Stale(List<String> problems) implements SavedPlanVerdict {
        public Stale {
            problems = List.copyOf(problems);
        }

        @Override
        public <R> R match(Function<Planned, R> holds, Function<List<String>, R> stale, Function<String, R> differs) {
            return stale.apply(problems);
        }
    }

    /** The fresh plan differs from the saved one at {@code where}: the saved file was edited ({@code differs} gets the sentence). */
    record Differs(String where) implements SavedPlanVerdict {
        @Override
        public <R> R match(Function<Planned, R> holds, Function<List<String>, R> stale, Function<String, R> differs) {
            return differs.apply("saved plan differs from a fresh plan of its recorded desired state at " + where
                    + " (was the file edited?)");
        }
    }
}
