package io.elbreconcile.cli;

import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.apply.UnsafePlanException;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.cli.view.ApplyReportJsonView;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.cli.view.Style;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One target's apply once its plan is made or verified: show the plan, ask, run it with progress
 * on stderr, write the {@code --report} file, and turn the outcome into an exit code.
 *
 * @param path the input or plan file, named when the plan is refused
 * @param reportFile where {@code --report} writes, or null
 */
record SingleTargetApply(Path path, Style style, int parallelism, Path reportFile, Confirmation confirmation,
                         PrintWriter out, PrintWriter err) {

    int execute(Plan plan, Safeguards safeguards, ElbPort port) {
        out.print(new PlanTextView(style).render(plan));
        out.flush();
        if (!plan.hasChanges() || plan.steps().isEmpty()) {
            return reported(plan, null, remainingExitCode(plan));
        }
        if (!confirmation.granted(Confirmation.forSteps(plan.steps().size()))) {
            err.println("Apply cancelled; nothing was changed.");
            return ExitCodes.ERROR;
        }
        ApplyReport report;
        try {
            report = new ApplyWithProgress(err, Optional.empty(), parallelism).apply(port, plan, safeguards);
        } catch (UnsafePlanException unsafe) {
            throw new UserFacingException("refusing to apply " + path + ": " + unsafe.getMessage());
        }
        out.println(report.summaryLine());
        out.flush();
        return reported(plan, report, report.converged() ? remainingExitCode(plan) : ExitCodes.ERROR);
    }

    /** Writes the --report file, if asked for, and passes the exit code through. */
    private int reported(Plan plan, ApplyReport report, int exitCode) {
        if (reportFile != null) {
            AtomicFile.write(new ApplyReportJsonView().render(plan, report == null ? null : ApplyReportRun.of(report),
                    Instant.now(), exitCode), reportFile);
        }
        return exitCode;
    }

    /** After everything carried out succeeded: 0 only when nothing is left, 2 while held-back changes remain. */
    private int remainingExitCode(Plan plan) {
        plan.changes().stream().filter(Change::isHeldBack).forEach(change -> err.println("still to do, held back: "
                + change.action().wire() + " " + change.address() + " (needs " + change.heldBack().orElseThrow().needs() + ")"));
        err.flush();
        return plan.heldBack() > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
