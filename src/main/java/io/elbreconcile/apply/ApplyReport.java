package io.elbreconcile.apply;

import java.time.Duration;
import java.util.List;

/**
 * Every step's outcome, in the order they finished, plus the retries the port made.
 *
 * @param abortReason non-null when the run stopped starting steps (e.g. credentials rejected)
 */
public record ApplyReport(List<StepOutcome> outcomes, long retries, Duration elapsed, String abortReason) {

    public ApplyReport {
        outcomes = List.copyOf(outcomes);
    }

    public long applied() {
        return outcomes.stream().filter(o -> o instanceof StepOutcome.Applied).count();
    }

    public long adopted() {
        return outcomes.stream().filter(o -> o instanceof StepOutcome.Adopted).count();
    }

    public List<StepOutcome.Failed> failures() {
        return outcomes.stream().filter(o -> o instanceof StepOutcome.Failed).map(o -> (StepOutcome.Failed) o).toList();
    }

    public long skipped() {
        return outcomes.stream().filter(o -> o instanceof StepOutcome.Skipped).count();
    }

    /** Every step succeeded (applied or adopted): the target now matches the plan. */
    public boolean converged() {
        return failures().isEmpty() && skipped() == 0 && abortReason == null;
    }

    public String summaryLine() {
        return "Apply " + (converged() ? "complete" : "incomplete") + ": " + applied() + " done, "
                + (adopted() > 0 ? adopted() + " adopted, " : "")
                + failures().size() + " failed, " + skipped() + " skipped, " + retries
                + (retries == 1 ? " retry" : " retries") + String.format(" in %.1f s.", elapsed.toMillis() / 1000.0);
    }
}
