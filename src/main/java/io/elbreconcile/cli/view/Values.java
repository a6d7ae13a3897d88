package io.elbreconcile.cli.view;

import io.elbreconcile.diag.Printable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How property values print: strings quoted, lists in brackets, as in Terraform's plans. Strings
 * are escaped as JSON strings are: a value read from AWS may hold quotes, line breaks or terminal
 * control sequences, and must neither break the one-line-per-change layout nor reach the terminal raw;
 * it may also be huge, and shows its first {@value Printable#MAX_VALUE_CHARS} characters.
 */
final class Values {

    private Values() {
    }

    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof String text) {
            return Printable.jsonQuoted(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
