package io.elbreconcile.cli;

import io.elbreconcile.aws.PortError;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.Printable;

/** One target's failure as one line, worded as {@link OneLineErrorHandler} words a whole command's. */
final class FailureLine {

    private FailureLine() {
    }

    static String of(RuntimeException failure) {
        if (failure instanceof PortError portError) {
            return portError.oneLine();
        }
        if (failure instanceof InvalidInputException invalid) {
            return String.join("; ", invalid.diagnostics().renderLines());
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return Printable.escaped(newline < 0 ? message : message.substring(0, newline));
    }
}
