package io.elbreconcile.cli;

/**
 * Whether {@code --debug} was given anywhere on the command line. Read once per run from the
 * parsed arguments (not a static flag) by the error handler, which decides on stack traces.
 */
final class Debug {

    private Debug() {
    }

    static boolean requested(picocli.CommandLine.ParseResult parseResult) {
        for (picocli.CommandLine.ParseResult result = parseResult; result != null;
             result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
