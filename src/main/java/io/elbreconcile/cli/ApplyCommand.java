package io.elbreconcile.cli;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StalePlanCheck;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.cli.view.ApplyReportJsonView;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code apply PATH|PLANFILE}: plan (or load a saved plan), confirm, execute, report. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "apply",
        description = "Plan (or load a plan saved by 'plan --out'), ask for confirmation, and execute it.",
        footer = {"",
                "Examples:",
                "  elb-reconcile apply examples/quickstart --emulator --auto-approve",
                "  elb-reconcile plan policies/ --out plan.json && elb-reconcile apply plan.json",
                "  elb-reconcile apply plan.json --auto-approve --report apply-report.json   # in CI",
                "",
                "A saved plan is applied only to the target it was made for, and only if nothing it read has",
                "changed since (otherwise: exit 1 and no mutating call). Progress goes to stderr.",
                "",
                "Exit codes: 0 the target now matches, 2 all was done but held-back changes remain",
                "(a deletion or replacement needing --allow-delete or a YAML change), 1 error or not converged."})
final class ApplyCommand implements Callable<Integer> {

    private final InputStream confirmations;

    ApplyCommand(InputStream confirmations) {
        this.confirmations = confirmations;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Mixin
    PlanningOptions planning;

    @Parameters(paramLabel = "PATH|PLANFILE", description = "YAML file or directory, or a plan saved by 'plan --out'.")
    Path path;

    @Option(names = "--auto-approve", description = "Do not ask for confirmation.")
    boolean autoApprove;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8", description = "Independent steps run concurrently, at most N (default 8).")
    int parallelism;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write what happened as JSON"
            + " (schemas/apply-report-v1.schema.json): each step's outcome, attempts, duration, request id; what stays held back.")
    Path reportFile;

    @Override
    public Integer call() {
        if (parallelism < 1) {
            throw new UserFacingException("--parallelism must be at least 1, not " + parallelism);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan saved = isPlanFile(path) ? readPlan(path) : null;
        DesiredState desired = null;
        Connection opened;
        if (saved == null) {
            Reconciliation.Loaded loaded = Reconciliation.loadWhileConnecting(path, target, planning.toPlanOptions().stack());
            desired = loaded.desired();
            opened = loaded.connection();
        } else {
            opened = Connection.open(target);
        }
        try (Connection connection = opened) {
            Plan plan = saved == null
                    ? Reconciliation.plan(connection, desired, planning.toPlanOptions())
                    : checkedSavedPlan(saved, connection);
            out.print(new PlanTextView(Terminal.style(common)).render(plan));
            out.flush();
            if (!plan.hasChanges()) {
                return reported(plan, null, remainingExitCode(plan, err));
            }
            if (!autoApprove && !confirmed(out, plan)) {
                err.println("Apply cancelled; nothing was changed.");
                return ExitCodes.ERROR;
            }
            ApplyReport report = new Applier(connection.port(), parallelism, progress(err, plan.steps().size()), System::nanoTime)
                    .apply(plan);
            report.failures().forEach(failure -> err.println("error: " + failure.step().describe() + ": " + failure.message()));
            if (report.abortReason() != null) {
                err.println("error: " + report.abortReason());
            }
            out.println(report.summaryLine());
            out.flush();
            return reported(plan, report, report.converged() ? remainingExitCode(plan, err) : ExitCodes.ERROR);
        }
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
    private static int remainingExitCode(Plan plan, PrintWriter err) {
        plan.changes().stream().filter(Change::isHeldBack).forEach(change -> err.println("still to do, held back: "
                + change.action().wire() + " " + change.address() + " (needs " + change.heldBack().orElseThrow().needs() + ")"));
        err.flush();
        return plan.heldBack() > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    private Plan checkedSavedPlan(Plan saved, Connection connection) {
        if (planning.allowDelete && !saved.options().allowDelete()) {
            throw new UserFacingException("the saved plan was made without --allow-delete; run plan again with it");
        }
        List<String> problems = saved.target().sameAs(connection.target())
                ? StalePlanCheck.problems(saved, connection.target(), new Observer(connection.port())
                        .observeNames(StalePlanCheck.loadBalancers(saved), StalePlanCheck.loadBalancersWithAttributes(saved)))
                : StalePlanCheck.problems(saved, connection.target(), ObservedState.empty());
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(problem -> err.println("error: " + problem));
            throw new UserFacingException("refusing to apply " + path + ": the plan is stale or for another target;"
                    + " nothing was changed (run plan again)");
        }
        return saved;
    }

    private boolean confirmed(PrintWriter out, Plan plan) {
        out.print("Apply these " + plan.steps().size() + " steps? Only 'yes' is accepted: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(confirmations, StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                throw new UserFacingException("no confirmation (stdin is closed); pass --auto-approve to apply without asking");
            }
            return answer.trim().equals("yes");
        } catch (IOException e) {
            throw new UserFacingException("cannot read the confirmation: " + e.getMessage());
        }
    }

    private static ApplyListener progress(PrintWriter err, int total) {
        return new ApplyListener() {
            private int finished;

            @Override
            public synchronized void finished(StepOutcome outcome) {
                finished++;
                err.println(String.format("[%" + String.valueOf(total).length() + "d/%d] %s", finished, total, outcome.describe()));
                err.flush();
            }
        };
    }

    /** A saved plan is JSON; YAML input never starts with '{' in practice, and directories are never plans. */
    static boolean isPlanFile(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) != -1 && Character.isWhitespace(c)) {
                // skip leading blanks
            }
            return c == '{';
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static Plan readPlan(Path file) {
        try {
            return new PlanCodec().read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
        } catch (PlanCodec.UnreadablePlanException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
