package io.elbreconcile.cli;

import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.cli.view.ApplyReportJsonView;

import java.util.HashMap;
import java.util.Map;

/** The applier's outcomes as the report view takes them (views know neither apply nor the port). */
public final class ApplyReportRun {

    private ApplyReportRun() {
    }

    public static ApplyReportJsonView.Run of(ApplyReport report) {
        Map<String, ApplyReportJsonView.StepResult> results = new HashMap<>();
        for (StepOutcome outcome : report.outcomes()) {
            results.put(outcome.step().id(), result(outcome));
        }
        return new ApplyReportJsonView.Run(results, report.retries(), report.elapsed().toMillis(), report.abortReason(),
                report.converged());
    }

    static ApplyReportJsonView.StepResult result(StepOutcome outcome) {
        long attempts = outcome.calls().attempts();
        String requestId = outcome.calls().lastRequestId();
        if (outcome instanceof StepOutcome.Applied applied) {
            return new ApplyReportJsonView.StepResult("done", attempts, applied.duration().toMillis(), requestId, null, null);
        }
        if (outcome instanceof StepOutcome.Adopted adopted) {
            return new ApplyReportJsonView.StepResult("adopted", attempts, adopted.duration().toMillis(), requestId, null, null);
        }
        if (outcome instanceof StepOutcome.Failed failed) {
            return new ApplyReportJsonView.StepResult("failed", attempts, failed.duration().toMillis(), requestId,
                    failed.code(), failed.message());
        }
        StepOutcome.Skipped skipped = (StepOutcome.Skipped) outcome;
        return new ApplyReportJsonView.StepResult("skipped", 0, 0, null, "Skipped", "blocked by " + skipped.blockedBy());
    }
}
