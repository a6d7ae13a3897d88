package io.elbreconcile.cli;

import io.elbreconcile.aws.PortError;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns any failure escaping a command into one line on stderr and exit code 1. Stack traces
 * only with {@code --debug}: users of a CI job must see what is wrong, not where in our code.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof InvalidInputException invalid) {
            invalid.diagnostics().renderLines().forEach(line -> err.println("error: " + line));
            int count = invalid.diagnostics().size();
            err.println(count + (count == 1 ? " problem" : " problems") + " in the input; nothing was changed.");
        } else if (failure instanceof PortError portError) {
            err.println("error: " + portError.oneLine()
                    + (Debug.requested(parseResult) && portError.requestId() != null
                    ? " (request id " + portError.requestId() + ")" : ""));
        } else {
            String message = failure.getMessage();
            // Our messages quote values already shown safely; the escape also covers any text they carry from elsewhere.
            err.println("error: " + (message == null || message.isBlank() ? failure.getClass().getSimpleName()
                    : Printable.escaped(firstLine(message))));
        }
        if (Debug.requested(parseResult)) {
            failure.printStackTrace(err);
        } else if (!(failure instanceof InvalidInputException) && !(failure instanceof PortError)
                && !(failure instanceof UserFacingException)) {
            err.println("(an unexpected error: run again with --debug for details)");
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
