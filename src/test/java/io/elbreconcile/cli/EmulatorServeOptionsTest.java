package io.elbreconcile.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad quota and health-time options of {@code emulator serve}: one line, exit 1, nothing started. */
class EmulatorServeOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--quota classic-policies=5 | unknown quota classic-policies; known: classic-listeners, classic-load-balancers, classic-registered-instances",
            "--quota classic-load-balancers=0 | give NAME=N with N a whole number of at least 1",
            "--quota classic-load-balancers | give NAME=N with N a whole number of at least 1",
            "--quota classic-load-balancers=99999999999 | give NAME=N with N a whole number of at least 1",
            "--health-time-scale -1 | --health-time-scale must be a number of at least 0"})
    void aBadOptionIsOneLineAndExitOne(String options, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = ("emulator serve --port 0 " + options).split(" ");
        assertEquals(ExitCodes.ERROR, Main.run(new PrintWriter(out), new PrintWriter(err), args));
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(out.toString().contains("listening"), out.toString());
    }
}
