package io.elbreconcile.cli;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.apply.UnsafePlanException;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.plan.Plan;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Runs one target's plan through the {@link Applier} with what apply prints on stderr as it goes:
 * a counted line per finished step, then a line per failure and the abort reason. Over several
 * targets each line names its target and is written whole, since targets finish concurrently.
 *
 * @param target the target's name when several are applied; empty for one (its lines name none)
 */
record ApplyWithProgress(PrintWriter err, Optional<String> target, int parallelism) {

    /** @throws UnsafePlanException when the plan is refused, after printing each violation */
    ApplyReport apply(ElbPort port, Plan plan, Safeguards safeguards) {
        ApplyReport report;
        try {
            report = new Applier(port, parallelism, progress(plan.steps().size()), System::nanoTime).apply(plan, safeguards);
        } catch (UnsafePlanException unsafe) {
            unsafe.violations().forEach(violation -> line(error(violation)));
            throw unsafe;
        }
        report.failures().forEach(failure -> line(error(failure.step().describe() + ": " + failure.message())));
        if (report.abortReason() != null) {
            line(error(report.abortReason()));
        }
        return report;
    }

    private String error(String text) {
        return "error: " + target.map(name -> "[" + name + "] ").orElse("") + text;
    }

    private ApplyListener progress(int total) {
        String counter = "[%s%" + String.valueOf(total).length() + "d/%d] %s";
        String name = target.map(t -> t + " ").orElse("");
        return new ApplyListener() {
            private int finished;

            @Override
            public synchronized void finished(StepOutcome outcome) {
                finished++;
                line(String.format(counter, name, finished, total, outcome.describe()));
            }
        };
    }

    /** One whole line at a time: targets report from several threads. */
    private void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }
}
