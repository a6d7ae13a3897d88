package io.elbreconcile.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command reads of the global options ({@link GlobalOptions}), wherever on the command
 * line they were given. A command built on its own, without the root command, has none set.
 * ({@code @Command} only because picocli takes no mixin without an annotation of its own.)
 */
@Command
final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    boolean noColor() {
        return global() != null && global().noColor;
    }

    boolean debug() {
        return global() != null && global().debug;
    }

    private GlobalOptions global() {
        return command != null && command.root().userObject() instanceof RootCommand root ? root.global : null;
    }
}
