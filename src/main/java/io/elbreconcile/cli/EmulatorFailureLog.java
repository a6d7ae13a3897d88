package io.elbreconcile.cli;

import io.elbreconcile.diag.Printable;

import java.io.PrintWriter;
import java.util.function.BiConsumer;

/**
 * What {@code emulator serve} prints when a request got a 500 answer: one line with the request,
 * the exception's class and message, so that an operator sees why; the stack trace only with
 * {@code --debug}, as for every other unexpected error.
 */
final class EmulatorFailureLog implements BiConsumer<String, Throwable> {

    private final PrintWriter err;
    private final boolean debug;

    EmulatorFailureLog(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    @Override
    public void accept(String request, Throwable failure) {
        String message = failure.getMessage();
        String line = "emulator: internal error answering " + Printable.escaped(request) + ": " + failure.getClass().getName()
                + (message == null || message.isBlank() ? "" : ": " + Printable.escaped(message.lines().findFirst().orElse("")))
                + (debug ? "" : " (run with --debug for the stack trace)");
        // Workers fail concurrently: a line and its trace stay together.
        synchronized (err) {
            err.println(line);
            if (debug) {
                failure.printStackTrace(err);
            }
            err.flush();
        }
    }
}
