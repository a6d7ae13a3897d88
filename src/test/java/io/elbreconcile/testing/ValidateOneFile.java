package io.elbreconcile.testing;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.cli.Main;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate} on a folder holding one file, a.yaml, as a user would run it offline. */
public final class ValidateOneFile {

    /** What validate returned and printed to stderr. */
    public record Run(int code, String err) {
    }

    private ValidateOneFile() {
    }

    /** A case for {@link #assertRefusedInOneLine}: its name, the expected fragments, the file's text. */
    public static Arguments bad(String name, String yaml, String... expected) {
        return Arguments.of(Named.of(name, List.of(expected)), yaml);
    }

    public static Run validate(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), yaml);
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", dir.toString());
        return new Run(code, err.toString());
    }

    /**
     * Bad input: exit 1, no stack trace, one problem line plus the summary; the problem line starts with
     * {@code error: } and the first expected fragment (its file:line:col) and contains every other one.
     */
    public static void assertRefusedInOneLine(List<String> expected, String yaml, Path dir) throws IOException {
        Run run = validate(dir, yaml);
        List<String> lines = Arrays.stream(run.err().split("\n")).map(l -> l.replace(dir + "/", "")).toList();
        assertEquals(ExitCodes.ERROR, run.code(), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals(2, lines.size(), "one problem plus the summary: " + lines);
        assertTrue(lines.get(0).startsWith("error: " + expected.get(0)), lines.get(0));
        expected.stream().skip(1).forEach(fragment -> assertTrue(lines.get(0).contains(fragment), lines.get(0)));
    }
}
