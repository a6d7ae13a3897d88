package io.elbreconcile.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options of the whole run, declared once on the root command. Picocli copies inherited options
 * into every subcommand and binds each copy to these fields, so {@code elb-reconcile --debug plan}
 * and {@code elb-reconcile plan --debug} set the same flag.
 */
final class GlobalOptions {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces and AWS request ids on errors.")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour, even on a terminal (NO_COLOR is honoured too).")
    boolean noColor;
}
