package io.elbreconcile.cli;

import io.elbreconcile.aws.Regions;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.reconcile.ConnectedInput;
import io.elbreconcile.reconcile.Input;
import io.elbreconcile.reconcile.InputLoading;
import io.elbreconcile.reconcile.Planned;
import io.elbreconcile.reconcile.Planning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (SavedPlanApply.isPlanFile(path)) {
            return new SavedPlanApply(path, env, out, err).apply(this);
        }
        PlanOptions planOptions = planning.toPlanOptions();
        Input input = new InputLoading(Regions::known).load(path, planOptions.stack(), Connection.openInBackground(target));
        if (input.targeted()) {
            if (reportFile != null) {
                // TODO(issue 17): one report per target.
                throw new UserFacingException("--report cannot be used with Target documents yet; apply one target per"
                        + " job (--only-target NAME) and read its output");
            }
            try (TargetedRun run = TargetedRun.start(input.shards(), target, shardSelection)) {
                return TargetedCommands.apply(run, planOptions, planning.allowDelete, parallelism,
                        () -> confirmation(out).granted(Confirmation.forTargets(run.shards().size())),
                        Terminal.style(common), out, err);
            }
        }
        try (ConnectedInput loaded = input.single()) {
            shardSelection.select(input.shards(), false);
            Planned planned = Planning.planned(loaded.target(), loaded.desired(), planOptions);
            return singleTarget(out, err).execute(planned.plan(), planned.safeguards(planning.allowDelete),
                    loaded.target().port());
        }
    }

    Confirmation confirmation(PrintWriter out) {
        return new Confirmation(autoApprove, confirmations, out);
    }

    SingleTargetApply singleTarget(PrintWriter out, PrintWriter err) {
        return new SingleTargetApply(path, Terminal.style(common), parallelism, reportFile, confirmation(out), out, err);
    }
}
