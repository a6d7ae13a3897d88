package io.elbreconcile.cli;

import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.UnsafePlanException;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.cli.view.DriftJsonView;
import io.elbreconcile.cli.view.DriftMarkdownView;
import io.elbreconcile.cli.view.DriftTextView;
import io.elbreconcile.cli.view.PlanMarkdownView;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.cli.view.Style;
import io.elbreconcile.cli.view.TargetGroupView;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.reconcile.DriftCheck;
import io.elbreconcile.reconcile.Planned;
import io.elbreconcile.reconcile.Planning;
import io.elbreconcile.shard.TargetOutcome;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * plan, apply and drift over several Target documents: one reconciliation per target, run
 * concurrently, one report grouped by target, and the worst exit code of them all.
 */
final class TargetedCommands {

    private TargetedCommands() {
    }

    static int plan(TargetedRun run, PlanOptions options, PlanCommand.Format format, boolean detailedExitCode,
                    Style style, PlanMarkdownView markdown, PrintWriter out, java.util.function.Consumer<List<TargetOutcome<Plan>>> save) {
        List<TargetOutcome<Plan>> plans = run.each((shard, connection, none) ->
                Planning.planned(connection, shard.desired(), options).plan());
        TargetGroupView view = new TargetGroupView();
        PlanCodec codec = new PlanCodec();
        out.print(switch (format) {
            case text -> view.text(run.sections(plans, new PlanTextView(style)::render), style);
            case json -> view.json(run.sections(plans, codec::write), "plan");
            case markdown -> view.markdown(run.sections(plans, markdown::render));
        });
        out.flush();
        save.accept(plans);
        int exit = ExitCodes.OK;
        for (TargetOutcome<Plan> outcome : plans) {
            exit = TargetedRun.worst(exit, outcome.value()
                    .map(plan -> detailedExitCode && (plan.hasChanges() || plan.heldBack() > 0) ? ExitCodes.CHANGES : ExitCodes.OK)
                    .orElse(ExitCodes.ERROR));
        }
        return exit;
    }

    /**
     * Plans every target, shows the plans, asks once for all of them (unless approved), then
     * applies each target's plan; a target that could not be planned is not applied, the others are.
     */
    static int apply(TargetedRun run, PlanOptions options, boolean allowDeleteOnCommandLine, int parallelism,
                     BooleanSupplier approved, Style style, PrintWriter out, PrintWriter err) {
        List<TargetOutcome<Planned>> planned = run.each((shard, connection, none) ->
                Planning.planned(connection, shard.desired(), options));
        return applyPlanned(run, planned, allowDeleteOnCommandLine, parallelism, approved, style, out, err);
    }

    /** Shows the plans, asks once, applies each target's plan; a target without a plan is not applied. */
    static int applyPlanned(TargetedRun run, List<TargetOutcome<Planned>> planned, boolean allowDeleteOnCommandLine,
                            int parallelism, BooleanSupplier approved, Style style, PrintWriter out, PrintWriter err) {
        List<TargetOutcome<Plan>> plans = planned.stream().map(TargetedCommands::planOf).toList();
        TargetGroupView view = new TargetGroupView();
        out.print(view.text(run.sections(plans, new PlanTextView(style)::render), style));
        out.flush();
        int steps = plans.stream().mapToInt(outcome -> outcome.value().map(plan -> plan.hasChanges() ? plan.steps().size() : 0).orElse(0)).sum();
        boolean anyFailed = plans.stream().anyMatch(outcome -> outcome.value().isEmpty());
        if (steps == 0) {
            boolean heldBack = plans.stream().anyMatch(outcome -> outcome.value().map(plan -> plan.heldBack() > 0).orElse(false));
            return anyFailed ? ExitCodes.ERROR : heldBack ? ExitCodes.CHANGES : ExitCodes.OK;
        }
        if (!approved.getAsBoolean()) {
            err.println("Apply cancelled; nothing was changed.");
            return ExitCodes.ERROR;
        }
        List<TargetOutcome<Optional<ApplyReport>>> reports = run.then(planned, (shard, connection, made) -> {
            Plan plan = made.plan();
            if (!plan.hasChanges() || plan.steps().isEmpty()) {
                return Optional.<ApplyReport>empty();
            }
            ApplyReport report;
            try {
                report = new ApplyWithProgress(err, Optional.of(shard.name()), parallelism).apply(connection.port(), plan,
                        made.safeguards(allowDeleteOnCommandLine));
            } catch (UnsafePlanException unsafe) {
                throw new UserFacingException("refused: " + unsafe.getMessage());
            }
            return Optional.of(report);
        });
        int exit = ExitCodes.OK;
        for (int i = 0; i < reports.size(); i++) {
            TargetOutcome<Optional<ApplyReport>> outcome = reports.get(i);
            String name = outcome.target();
            if (outcome instanceof TargetOutcome.Failed<Optional<ApplyReport>> failed) {
                out.println(name + ": not applied: " + failed.message());
                exit = ExitCodes.ERROR;
            } else {
                Optional<ApplyReport> report = outcome.value().orElseThrow();
                out.println(name + ": " + report.map(ApplyReport::summaryLine).orElse("no changes"));
                // As for one target: 2 while held-back changes remain after all else succeeded.
                int remaining = plans.get(i).value().orElseThrow().heldBack() > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
                exit = TargetedRun.worst(exit, report.map(r -> r.converged() ? remaining : ExitCodes.ERROR).orElse(remaining));
            }
        }
        out.flush();
        return exit;
    }

    static TargetOutcome<Plan> planOf(TargetOutcome<Planned> outcome) {
        if (outcome instanceof TargetOutcome.Failed<Planned> failed) {
            return new TargetOutcome.Failed<>(failed.target(), failed.message(), failed.failure());
        }
        return new TargetOutcome.Done<>(outcome.target(), outcome.value().orElseThrow().plan());
    }

    static int drift(TargetedRun run, Optional<String> stack, List<AddressPattern> addresses, DriftCommand.Format format,
                     PrintWriter out) {
        DriftCheck check = new DriftCheck(java.time.Clock.systemUTC());
        List<TargetOutcome<DriftReport>> reports = run.each((shard, connection, none) ->
                check.detect(connection, shard.desired(), stack, addresses));
        TargetGroupView view = new TargetGroupView();
        out.print(switch (format) {
            case json -> view.json(run.sections(reports, new DriftJsonView()::render), "drift");
            case markdown -> view.markdown(run.sections(reports, new DriftMarkdownView()::render));
            case text -> view.text(run.sections(reports, report -> report.hasDrift() ? new DriftTextView().render(report)
                    : "no drift\n"), Style.PLAIN);
        });
        out.flush();
        int exit = ExitCodes.OK;
        for (TargetOutcome<DriftReport> outcome : reports) {
            exit = TargetedRun.worst(exit, outcome.value().map(r -> r.hasDrift() ? ExitCodes.CHANGES : ExitCodes.OK)
                    .orElse(ExitCodes.ERROR));
        }
        return exit;
    }
}
