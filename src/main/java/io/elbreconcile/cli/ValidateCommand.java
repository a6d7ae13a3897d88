package io.elbreconcile.cli;

import io.elbreconcile.cli.view.DiagnosticsView;
import io.elbreconcile.diag.Diagnostics;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.aws.Regions;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Shard;
import io.elbreconcile.spec.SpecLoader;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate PATH}: the offline check that CI runs first; no AWS client is even created. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "validate",
        description = "Load and check the desired-state files offline: YAML, schema and cross-document rules.",
        footer = {"",
                "Examples:",
                "  elb-reconcile validate examples/quickstart",
                "  elb-reconcile validate policies/web.yaml",
                "  elb-reconcile validate policies/ --format github   # in GitHub Actions",
                "",
                "Exit codes: 0 valid, 1 invalid (one line per problem:",
                "file:line:column: message)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", description = "A YAML file, or a directory searched recursively for *.yaml and *.yml.")
    Path path;

    enum Format { text, github, json }

    @Option(names = "--format", defaultValue = "text", description = "text (default; problems on stderr), github"
            + " (GitHub Actions ::error commands on stdout, shown on the pull request's lines) or json.")
    Format format;

    @Override
    public Integer call() {
        SpecLoader.Loaded loaded;
        try {
            loaded = new SpecLoader(Regions::known).load(path);
        } catch (InvalidInputException invalid) {
            if (format == Format.text) {
                throw invalid;
            }
            DiagnosticsView view = new DiagnosticsView();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.github ? view.github(invalid.diagnostics()) : view.json(invalid.diagnostics(), null));
            out.flush();
            int count = invalid.diagnostics().size();
            spec.commandLine().getErr().println(count + (count == 1 ? " problem" : " problems") + " in the input.");
            return ExitCodes.ERROR;
        }
        List<DesiredState> states = loaded.shards().stream().map(Shard::desired).toList();
        int loadBalancers = states.stream().mapToInt(state -> state.loadBalancers().size()).sum();
        long policies = states.stream().mapToLong(state -> state.loadBalancers().values().stream()
                .mapToLong(lb -> lb.policies().size()).sum() + state.attachments().size()).sum();
        if (format == Format.json) {
            DiagnosticsView view = new DiagnosticsView();
            spec.commandLine().getOut().print(view.json(Diagnostics.none(),
                    view.counts(loaded.files(), loaded.documents(), loadBalancers, policies)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        String targets = loaded.targeted() ? ", " + loaded.shards().size() + " target" + plural(loaded.shards().size()) : "";
        spec.commandLine().getOut().printf("OK: %s: %d document%s in %d file%s (%d load balancer%s, %d polic%s%s)%n",
                path, loaded.documents(), plural(loaded.documents()), loaded.files(), plural(loaded.files()),
                loadBalancers, plural(loadBalancers), policies, policies == 1 ? "y" : "ies", targets);
        return ExitCodes.OK;
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
