package io.elbreconcile.cli.view;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How property values print: strings quoted, lists in brackets, as in Terraform's plans. Strings
 * are escaped as JSON strings are: a value read from AWS may hold quotes, line breaks or terminal
 * control sequences, and must neither break the one-line-per-change layout nor reach the terminal raw.
 */
final class Values {

    private Values() {
    }

    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof String text) {
            return quoted(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
