package io.elbreconcile.spec;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.SourceLocation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of one input file, or why it cannot be YAML at all. Checked before the YAML parser
 * sees it, so binary garbage gets a precise line and column instead of a parser's confusion.
 */
record SourceText(String file, String text) {

    /** Larger files are refused before parsing: a desired-state file is never this big by accident. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Why a file of {@code size} bytes is refused before it is even read, if it is. */
    static Optional<Diagnostic> sizeProblem(String file, long size) {
        if (size <= MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.at(SourceLocation.startOf(file), String.format(
                "file is %.1f MiB; the limit is %d MiB per file (split it into several files)",
                size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024))));
    }

    /** The bytes of a file no larger than {@link #MAX_BYTES} as text, or why they are not YAML text. */
    static SourceTextOrProblem decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(input, output, true);
        if (result.isError()) {
            String decodedSoFar = output.flip().toString();
            return new SourceTextOrProblem(null, Diagnostic.at(locationAfter(file, decodedSoFar),
                    String.format("not UTF-8 text (byte 0x%02X at offset %d); is this a binary file?",
                            bytes[input.position()] & 0xFF, input.position())));
        }
        decoder.flush(output);
        String text = output.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Optional<Diagnostic> control = firstControlCharacter(file, text);
        if (control.isPresent()) {
            return new SourceTextOrProblem(null, control.get());
        }
        return new SourceTextOrProblem(new SourceText(file, text), null);
    }

    /** The source text, or the one problem that makes it unreadable. */
    record SourceTextOrProblem(SourceText text, Diagnostic problem) {
    }

    private static Optional<Diagnostic> firstControlCharacter(String file, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean allowed = c == '\t' || c == '\r' || (c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) && c != 0xFFFE && c != 0xFFFF);
            if (!allowed) {
                return Optional.of(Diagnostic.at(new SourceLocation(file, line, column),
                        String.format("control character U+%04X is not allowed in YAML; is this a binary file?", (int) c)));
            }
            column++;
        }
        return Optional.empty();
    }

    private static SourceLocation locationAfter(String file, String prefix) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }
}
