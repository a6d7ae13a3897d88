package io.elbreconcile.cli;

import io.elbreconcile.cli.view.PlanTextView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code show PLANFILE}: a saved plan rendered again, offline, exactly as {@code plan} printed it
 * (the same views of the same value), so a CI job can post the plan it is about to apply.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "show",
        description = "Print a plan saved by 'plan --out' again, offline, as plan printed it.",
        footer = {"",
                "Examples:",
                "  elb-reconcile show plan.json",
                "  elb-reconcile show plan.json --format markdown > comment.md",
                "",
                "Exit codes: 0 printed, 1 error (missing or unreadable plan file)."})
final class ShowCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MarkdownOptions markdownOptions;

    @Parameters(paramLabel = "PLANFILE", description = "A plan saved by 'plan --out FILE'.")
    Path planFile;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or markdown.")
    Format format;

    @Override
    public Integer call() {
        var markdown = markdownOptions.view(Optional.of(planFile.toString()));
        Plan plan = read(planFile);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> out.print(new PlanTextView(Terminal.style(common)).render(plan));
            case json -> out.println(new PlanCodec().write(plan));
            case markdown -> out.print(markdown.render(plan));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Plan read(Path file) {
        try {
            return new PlanCodec().read(PlanFileText.read(file), file.toString());
        } catch (PlanCodec.UnreadablePlanException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
