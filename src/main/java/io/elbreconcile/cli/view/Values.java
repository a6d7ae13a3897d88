package io.elbreconcile.cli.view;

import java.util.List;
import java.util.stream.Collectors;

/** How property values print: strings quoted, lists in brackets, as in Terraform's plans. */
final class Values {

    private Values() {
    }

    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
