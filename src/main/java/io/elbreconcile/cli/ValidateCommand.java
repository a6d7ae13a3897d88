package io.elbreconcile.cli;

import io.elbreconcile.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
                "",
                "Exit codes: 0 valid, 1 invalid (one line per problem: file:line:column: message)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", description = "A YAML file, or a directory searched recursively for *.yaml and *.yml.")
    Path path;

    @Override
    public Integer call() {
        SpecLoader.Loaded loaded = new SpecLoader().load(path);
        int loadBalancers = loaded.state().loadBalancers().size();
        long policies = loaded.state().loadBalancers().values().stream().mapToLong(lb -> lb.policies().size()).sum()
                + loaded.state().attachments().size();
        spec.commandLine().getOut().printf("OK: %s: %d document%s in %d file%s (%d load balancer%s, %d polic%s)%n",
                path, loaded.documents(), plural(loaded.documents()), loaded.files(), plural(loaded.files()),
                loadBalancers, plural(loadBalancers), policies, policies == 1 ? "y" : "ies");
        return ExitCodes.OK;
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
