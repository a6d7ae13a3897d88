package io.elbreconcile.apply;

import io.elbreconcile.aws.CallTally;
import io.elbreconcile.plan.Step;

import java.time.Duration;
import java.util.Objects;

/** What happened to one step. A closed set: every step of a plan ends in exactly one of these. */
public sealed interface StepOutcome permits StepOutcome.Applied, StepOutcome.Adopted, StepOutcome.Failed, StepOutcome.Skipped {

    Step step();

    /** One line for the progress log and the summary. */
    String describe();

    /** The HTTP attempts the step's calls took and the latest AWS request id; NONE for a skipped step. */
    CallTally calls();

    /** The call succeeded. */
    record Applied(Step step, Duration duration, CallTally calls) implements StepOutcome {
        @Override
        public String describe() {
            return "done    " + step.describe() + " (" + millis(duration) + ")";
        }
    }

    /** The call found its work already done, identically (e.g. DuplicatePolicyName for an identical policy). */
    record Adopted(Step step, Duration duration, String why, CallTally calls) implements StepOutcome {
        @Override
        public String describe() {
            return "adopted " + step.describe() + " (" + why + ", " + millis(duration) + ")";
        }
    }

    /**
     * The call failed; {@code message} is one line for users. {@code stopsTheRun} when the caller
     * itself was refused (credentials, permissions, validation): every further call would fail too.
     */
    record Failed(Step step, Duration duration, String code, String message, boolean stopsTheRun, CallTally calls)
            implements StepOutcome {
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "FAILED  " + step.describe() + ": " + message;
        }
    }

    /** Not attempted because {@code blockedBy} failed (or the run was aborted). */
    record Skipped(Step step, String blockedBy) implements StepOutcome {
        @Override
        public CallTally calls() {
            return CallTally.NONE;
        }

        @Override
        public String describe() {
            return "skipped " + step.describe() + " (blocked by " + blockedBy + ")";
        }
    }

    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }
}
