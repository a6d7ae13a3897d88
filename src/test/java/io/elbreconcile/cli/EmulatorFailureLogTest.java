package io.elbreconcile.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code emulator serve} prints when a request got a 500 answer. */
class EmulatorFailureLogTest {

    @Test
    void oneLineWithTheRequestTheClassAndTheMessage() {
        StringWriter err = new StringWriter();

        new EmulatorFailureLog(new PrintWriter(err), false).accept("POST /", new IllegalStateException("boom\nsecond line"));

        assertEquals("emulator: internal error answering POST /: java.lang.IllegalStateException: boom"
                + " (run with --debug for the stack trace)\n", err.toString());
    }

    @Test
    void withDebugTheStackTraceFollows() {
        StringWriter err = new StringWriter();

        new EmulatorFailureLog(new PrintWriter(err), true).accept("POST /", new NullPointerException());

        assertTrue(err.toString().startsWith("emulator: internal error answering POST /: java.lang.NullPointerException\n"), err.toString());
        assertTrue(err.toString().contains("\tat io.elbreconcile.cli.EmulatorFailureLogTest"), err.toString());
    }
}
