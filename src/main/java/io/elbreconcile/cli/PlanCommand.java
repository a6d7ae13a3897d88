package io.elbreconcile.cli;

import io.elbreconcile.aws.Regions;
import io.elbreconcile.cli.view.PlanMarkdownView;
import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.plan.Baseline;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.reconcile.ConnectedInput;
import io.elbreconcile.reconcile.Input;
import io.elbreconcile.reconcile.InputLoading;
import io.elbreconcile.reconcile.Planned;
import io.elbreconcile.reconcile.Planning;
import io.elbreconcile.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.elbreconcile.model.InputText;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Callable;

/** {@code plan PATH}: observe, diff, print exactly what apply would do. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "plan",
        description = "Observe the target, compare it with the YAML and print exactly what apply would do.",
        footer = {"",
                "Examples:",
                "  elb-reconcile plan examples/quickstart --emulator",
                "  elb-reconcile plan policies/ --region eu-west-1 --out plan.json",
                "  elb-reconcile plan policies/ --detailed-exitcode   # in CI: exit 2 on changes",
                "  elb-reconcile plan policies/ --baseline main/policies   # drift apart",
                "  elb-reconcile plan policies/ --format markdown --out plan.json > comment.md",
                "  elb-reconcile show plan.json --format markdown   # the saved plan again",
                "",
                "Exit codes: 0 no changes (or any plan without --detailed-exitcode), 2 changes or",
                "held-back differences (with --detailed-exitcode), 1 error."})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    private final Map<String, String> env;

    PlanCommand(Map<String, String> env) {
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

    @Parameters(paramLabel = "PATH", description = "A YAML file or a directory of them.")
    Path path;

    @Option(names = "--out", paramLabel = "FILE", description = "Also save the plan (JSON, with the input it was made from and fingerprints of what it read) for 'apply FILE'; signed with ELB_RECONCILE_PLAN_KEY when set.")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or markdown.")
    Format format;

    @Mixin
    MarkdownOptions markdownOptions;

    @Option(names = "--baseline", paramLabel = "BASEPATH", description = "The same directory on the target branch:"
            + " mark each difference as this change's, drift (changed outside Git) or both. Read offline, in parallel.")
    Path baseline;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes, or differences it holds back.")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        PlanMarkdownView markdown = markdownOptions.view(Optional.ofNullable(out).map(Path::toString));
        PlanFileWriter saving = out == null ? null : new PlanFileWriter(out, PlanKey.from(env), spec.commandLine().getErr());
        // The target branch's tree is read while this one loads and the target is observed; it costs no call.
        CompletableFuture<DesiredState> targetBranch = baseline == null ? null
                : CompletableFuture.supplyAsync(() -> loadTargetBranch(baseline));
        Plan plan;
        List<InputText> inputs;
        Input input = new InputLoading(Regions::known).load(path, planning.toPlanOptions().stack(), Connection.openInBackground(target));
        if (input.targeted()) {
            if (baseline != null) {
                // TODO(issue 17): --baseline per target.
                throw new UserFacingException("--baseline cannot attribute a plan of Target documents yet; in CI, run plan"
                        + " per target (--only-target NAME) with the target's directory as --baseline");
            }
            try (TargetedRun run = TargetedRun.start(input.shards(), target, shardSelection)) {
                int exit = TargetedCommands.plan(run, planning.toPlanOptions(), format, detailedExitCode,
                        Terminal.style(common), markdownOptions.share(run.shards().size()), spec.commandLine().getOut(),
                        plans -> {
                            if (saving != null) {
                                saving.saveTargets(run.shards(), input, plans,
                                        target.usesEmbeddedEmulator() ? " " + target.asArguments() : "");
                            }
                        });
                return exit;
            }
        }
        try (ConnectedInput loaded = input.single()) {
            shardSelection.select(input.shards(), false);
            Planned planned = Planning.planned(loaded.target(), loaded.desired(), planning.toPlanOptions());
            plan = planned.plan();
            if (targetBranch != null) {
                plan = new Baseline().attribute(plan, loaded.desired(), joined(targetBranch), planned.observed());
            }
            inputs = loaded.inputs();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case text -> stdout.print(new PlanTextView(Terminal.style(common)).render(plan));
            case json -> stdout.println(new PlanCodec().write(plan));
            case markdown -> stdout.print(markdown.render(plan));
        }
        if (saving != null) {
            String arguments = (target.asArguments() + " " + planning.asArguments()).strip();
            saving.saveOne(plan, inputs, arguments.isEmpty() ? "" : " " + arguments);
        }
        stdout.flush();
        // A held-back difference (a deletion or replacement not allowed) is still a difference: CI must see it.
        return detailedExitCode && plan.differs() ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    /** A directory the pull request creates does not exist on the target branch yet: everything in it is this change. */
    private static DesiredState loadTargetBranch(Path tree) {
        return Files.exists(tree) ? new SpecLoader().load(tree, true).state() : DesiredState.empty();
    }

    private static DesiredState joined(CompletableFuture<DesiredState> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
