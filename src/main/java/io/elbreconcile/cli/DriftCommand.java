package io.elbreconcile.cli;

import io.elbreconcile.cli.view.DriftJsonView;
import io.elbreconcile.cli.view.DriftMarkdownView;
import io.elbreconcile.cli.view.DriftTextView;
import io.elbreconcile.aws.Regions;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.reconcile.ConnectedInput;
import io.elbreconcile.reconcile.DriftCheck;
import io.elbreconcile.reconcile.Input;
import io.elbreconcile.reconcile.InputLoading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code drift PATH}: what changed behind Git's back. Reads only; never a mutating call. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "drift",
        description = "Compare the YAML with reality and classify every difference (missing, changed, detached, orphan, unmanaged, noncompliant). Never changes anything.",
        footer = {"",
                "Examples:",
                "  elb-reconcile drift policies/ --region eu-west-1 --stack prod",
                "  elb-reconcile drift policies/ --format json | jq '.summary'",
                "  elb-reconcile drift policies/ --format markdown > drift.md   # for an issue",
                "",
                "Quiet when clean: no output and exit 0. One line per difference, then a",
                "summary line.",
                "Exit codes: 0 no drift, 2 drift, 1 error."})
final class DriftCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Mixin
    TargetSelection shardSelection;

    @Option(names = "--stack", paramLabel = "NAME", description = "Also report load balancers tagged elb-reconcile:stack=NAME that no document declares (unmanaged).")
    String stack;

    @Option(names = "--target", paramLabel = "ADDRESS", converter = PlanningOptions.AddressPatternConverter.class,
            description = "Compare only this address (repeatable; * globs, e.g. LoadBalancer/web-*).")
    List<AddressPattern> targets = new ArrayList<>();

    @Parameters(paramLabel = "PATH", description = "A YAML file or a directory of them.")
    Path path;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or markdown (for an issue or a chat message).")
    Format format;

    @Override
    public Integer call() {
        DriftReport report;
        Input input = new InputLoading(Regions::known).load(path, Optional.ofNullable(stack), Connection.openInBackground(target));
        if (input.targeted()) {
            try (TargetedRun run = TargetedRun.start(input.shards(), target, shardSelection)) {
                return TargetedCommands.drift(run, Optional.ofNullable(stack), targets, format, spec.commandLine().getOut());
            }
        }
        try (ConnectedInput loaded = input.single()) {
            shardSelection.select(input.shards(), false);
            report = new DriftCheck(Clock.systemUTC()).detect(loaded.target(), loaded.desired(), Optional.ofNullable(stack), targets);
        }
        String rendered = switch (format) {
            case text -> new DriftTextView().render(report);
            case json -> new DriftJsonView().render(report);
            case markdown -> new DriftMarkdownView().render(report);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return report.hasDrift() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
