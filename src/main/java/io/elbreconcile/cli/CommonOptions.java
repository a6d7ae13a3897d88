package io.elbreconcile.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces and AWS request ids on errors.")
    boolean debug;

    @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR is honoured too).")
    boolean noColor;
}
