package io.elbreconcile.importer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Just enough YAML emitting for readable, commented import files. Hand-written because a
 * serialiser cannot place the comments that explain which values are AWS defaults.
 */
final class YamlWriter {

    /**
     * Plain only when it starts with a letter (so no YAML 1.1 number, date, sexagesimal or hex can
     * resolve) and does not end with a colon (which would open a mapping).
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./:@-]*(?<!:)");
    private static final List<String> RESERVED = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private final StringBuilder out = new StringBuilder();

    YamlWriter line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
        return this;
    }

    YamlWriter field(int indent, String key, String value, String comment) {
        return line(indent, key + ": " + scalar(value) + (comment == null ? "" : "  # " + comment));
    }

    YamlWriter field(int indent, String key, long value, String comment) {
        return line(indent, key + ": " + value + (comment == null ? "" : "  # " + comment));
    }

    YamlWriter field(int indent, String key, boolean value, String comment) {
        return line(indent, key + ": " + value + (comment == null ? "" : "  # " + comment));
    }

    YamlWriter list(int indent, String key, List<String> values) {
        return line(indent, key + ": [" + String.join(", ", values.stream().map(YamlWriter::scalar).toList()) + "]");
    }

    /**
     * Comments quote names from the target (policies left alone, say): a line break in one must not
     * end the comment and start YAML of the far end's choosing, so breaks and controls are escaped.
     */
    YamlWriter comment(int indent, String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return line(indent, "# " + safe);
    }

    YamlWriter documentSeparator() {
        out.append("---\n");
        return this;
    }

    /** A scalar that reads back as the same string: plain when safe, double-quoted otherwise. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
