package io.elbreconcile.apply;

import io.elbreconcile.plan.Step;

/** Progress of an apply; the applier never prints, the CLI decides where lines go. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {
    };

    default void started(Step step) {
    }

    default void finished(StepOutcome outcome) {
    }
}
