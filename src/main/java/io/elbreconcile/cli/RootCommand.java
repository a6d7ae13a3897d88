package io.elbreconcile.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code elb-reconcile}: the command group. */
@Command(
        name = "elb-reconcile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Declarative reconciler for AWS Classic Elastic Load Balancing load balancers and their policies.",
        footer = {"",
                "Exit codes: 0 ok / no changes / no drift, 1 error, 2 changes",
                "(plan --detailed-exitcode) or drift.",
                "Run 'elb-reconcile COMMAND --help' for a command's options and examples."})
public final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (validate, plan, apply, show, drift, import, graph, emulator, completion)");
    }
}
