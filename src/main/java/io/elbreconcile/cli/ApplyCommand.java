package io.elbreconcile.cli;

import io.elbreconcile.apply.Applier;
import io.elbreconcile.apply.ApplyListener;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StalePlanCheck;
import io.elbreconcile.apply.Safeguards;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.cli.view.ApplyReportJsonView;
import io.elbreconcile.apply.UnsafePlanException;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.plan.SavedPlanSet;
import io.elbreconcile.spec.SpecLoader;
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
import java.util.Map;
import java.util.Set;
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
                "  elb-reconcile apply plan.json --auto-approve --report apply-report.json",
                "",
                "A saved plan is a commitment, not a script: apply re-plans from the input it",
                "records and a fresh observation, with this command line's --stack,",
                "--allow-delete and --replace-strategy, and runs it only if the result is exactly",
                "the saved plan, for the same target, with nothing it read changed since",
                "(otherwise: exit 1 and no mutating call). With ELB_RECONCILE_PLAN_KEY set, its",
                "MAC must match too. Progress goes to stderr.",
                "",
                "Exit codes: 0 the target now matches, 2 all was done but held-back changes",
                "remain (a deletion or replacement needing --allow-delete or a YAML change),",
                "1 error or not converged."})
final class ApplyCommand implements Callable<Integer> {

    private final InputStream confirmations;
    private final Map<String, String> env;

    ApplyCommand(InputStream confirmations, Map<String, String> env) {
        this.confirmations = confirmations;
        this.env = env;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Mixin
    PlanningOptions planning;

    @Mixin
    TargetSelection shardSelection;

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
        if (isPlanFile(path)) {
            return applySaved();
        }
        PlanOptions planOptions = planning.toPlanOptions();
        Reconciliation.Input input = Reconciliation.loadInput(path, target, planOptions.stack());
        if (input.targeted()) {
            if (reportFile != null) {
                // TODO(issue 17): one report per target.
                throw new UserFacingException("--report cannot be used with Target documents yet; apply one target per"
                        + " job (--only-target NAME) and read its output");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (TargetedRun run = TargetedRun.start(input.shards(), target, shardSelection)) {
                return TargetedCommands.apply(run, planOptions, planning.allowDelete, parallelism,
                        () -> autoApprove || confirmed(out, "Apply these changes to " + run.shards().size() + " targets?"),
                        Terminal.style(common), out, spec.commandLine().getErr());
            }
        }
        try (Reconciliation.Loaded loaded = input.single()) {
            shardSelection.select(input.shards(), false);
            Reconciliation.Planned planned = Reconciliation.planned(loaded.connection(), loaded.desired(), planOptions);
            return execute(planned.plan(), planned.safeguards(planning.allowDelete), loaded.connection());
        }
    }

    /**
     * A saved plan runs only as the plan its recorded input gives now: the MAC (with a key), the
     * options, the target, staleness and then the whole plan are checked, each with its own
     * message, before any mutating call.
     */
    private Integer applySaved() {
        String text = readText(path);
        if (SavedPlanSet.isSet(text)) {
            SavedPlanSet set;
            try {
                set = SavedPlanSet.read(text, path.toString());
            } catch (PlanCodec.UnreadablePlanException e) {
                throw new UserFacingException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            return new SavedTargets(path, spec.commandLine().getErr()).apply(set, PlanKey.from(env), planning.toPlanOptions(),
                    planning.allowDelete, parallelism, target, shardSelection,
                    () -> autoApprove || confirmed(out, "Apply these changes to " + set.targets().size() + " targets?"),
                    Terminal.style(common), out);
        }
        SavedPlan saved = readPlan(path);
        checkMac(saved);
        if (!saved.inputsMatchDigest()) {
            throw refused("desiredState.digest does not match the recorded files (the file was edited)");
        }
        PlanOptions options = planning.toPlanOptions();
        SavedPlanOptions.mismatch(saved.plan().options(), options).ifPresent(mismatch -> {
            throw refused(mismatch);
        });
        DesiredState desired = new SpecLoader().loadRecorded(saved.inputs(), options.stack().isPresent()).state();
        try (Connection connection = Connection.open(target)) {
            if (!saved.plan().target().sameAs(connection.target())) {
                refuseStale(StalePlanCheck.problems(saved.plan(), connection.target(), ObservedState.empty()));
            }
            ObservedState observed = Reconciliation.observe(connection, desired, options.stack());
            Set<String> lookedUp = Reconciliation.lookedUp(desired);
            refuseStale(StalePlanCheck.problems(saved.plan(), connection.target(), observed,
                    name -> options.stack().isPresent() || lookedUp.contains(name) || observed.loadBalancers().containsKey(name)));
            Plan fresh = new Planner().plan(desired, observed, options, connection.target());
            new PlanCodec().firstDifference(saved, fresh).ifPresent(difference -> {
                throw refused("saved plan differs from a fresh plan of its recorded desired state at " + difference
                        + " (was the file edited?)");
            });
            return execute(fresh, Safeguards.of(planning.allowDelete, lookedUp, observed), connection);
        }
    }

    private Integer execute(Plan plan, Safeguards safeguards, Connection connection) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(new PlanTextView(Terminal.style(common)).render(plan));
        out.flush();
        if (!plan.hasChanges() || plan.steps().isEmpty()) {
            return reported(plan, null, remainingExitCode(plan, err));
        }
        if (!autoApprove && !confirmed(out, plan)) {
            err.println("Apply cancelled; nothing was changed.");
            return ExitCodes.ERROR;
        }
        ApplyReport report;
        try {
            report = new Applier(connection.port(), parallelism, progress(err, plan.steps().size()), System::nanoTime)
                    .apply(plan, safeguards);
        } catch (UnsafePlanException unsafe) {
            unsafe.violations().forEach(violation -> err.println("error: " + violation));
            throw new UserFacingException("refusing to apply " + path + ": " + unsafe.getMessage());
        }
        report.failures().forEach(failure -> err.println("error: " + failure.step().describe() + ": " + failure.message()));
        if (report.abortReason() != null) {
            err.println("error: " + report.abortReason());
        }
        out.println(report.summaryLine());
        out.flush();
        return reported(plan, report, report.converged() ? remainingExitCode(plan, err) : ExitCodes.ERROR);
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

    private void checkMac(SavedPlan saved) {
        PlanKey.macProblem(PlanKey.from(env), saved.mac(), saved.text(), path.toString()).ifPresent(problem -> {
            throw refused(problem);
        });
    }

    private UserFacingException refused(String why) {
        return new UserFacingException("refusing to apply " + path + ": " + why + "; nothing was changed");
    }

    private void refuseStale(List<String> problems) {
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(problem -> err.println("error: " + problem));
            throw new UserFacingException("refusing to apply " + path + ": the plan is stale or for another target;"
                    + " nothing was changed (run plan again)");
        }
    }

    private boolean confirmed(PrintWriter out, Plan plan) {
        return confirmed(out, plan.steps().size() == 1 ? "Apply this step?" : "Apply these " + plan.steps().size() + " steps?");
    }

    private boolean confirmed(PrintWriter out, String question) {
        out.print(question + " Only 'yes' is accepted: ");
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

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static SavedPlan readPlan(Path file) {
        try {
            return new PlanCodec().readSaved(PlanFileText.read(file), file.toString());
        } catch (PlanCodec.UnreadablePlanException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
