package io.elbreconcile.cli;

import io.elbreconcile.aws.Regions;
import io.elbreconcile.graph.GraphRenderer;
import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.reconcile.ConnectedInput;
import io.elbreconcile.reconcile.InputLoading;
import io.elbreconcile.reconcile.Planning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code graph PATH}: the plan's steps and their dependencies, for Graphviz or Mermaid. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "graph",
        description = "Print the dependency graph of the plan's steps (what apply runs, in which order).",
        footer = {"",
                "Examples:",
                "  elb-reconcile graph examples/quickstart --emulator | dot -Tsvg > plan.svg",
                "  elb-reconcile graph policies/ --format mermaid",
                "",
                "Exit codes: 0 printed, 1 error."})
final class GraphCommand implements Callable<Integer> {

    enum Format { dot, mermaid }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Mixin
    PlanningOptions planning;

    @Parameters(paramLabel = "PATH", description = "A YAML file or a directory of them.")
    Path path;

    @Option(names = "--format", defaultValue = "dot", description = "dot (default) or mermaid.")
    Format format;

    @Override
    public Integer call() {
        Plan plan;
        try (ConnectedInput loaded = new InputLoading(Regions::known).loadOneTarget(path, planning.toPlanOptions().stack(),
                Connection.openInBackground(target))) {
            plan = Planning.planned(loaded.target(), loaded.desired(), planning.toPlanOptions()).plan();
        }
        GraphRenderer.Format rendering = format == Format.dot ? GraphRenderer.Format.DOT : GraphRenderer.Format.MERMAID;
        spec.commandLine().getOut().print(GraphRenderer.render(StepGraph.of(plan), rendering));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
