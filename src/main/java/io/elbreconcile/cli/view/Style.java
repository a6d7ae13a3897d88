package io.elbreconcile.cli.view;

import io.elbreconcile.plan.Action;

/** ANSI colours for text output; {@link #PLAIN} when output is not a terminal or --no-color is given. */
public record Style(boolean color) {

    public static final Style PLAIN = new Style(false);
    public static final Style COLOR = new Style(true);

    private static final String RESET = "\u001b[0m";

    public String action(Action action, String text) {
        if (!color) {
            return text;
        }
        String code = switch (action) {
            case CREATE -> "\u001b[32m";
            case UPDATE -> "\u001b[33m";
            case REPLACE -> "\u001b[35m";
            case DELETE -> "\u001b[31m";
            case NOOP -> "";
        };
        return code.isEmpty() ? text : code + text + RESET;
    }

    public String bold(String text) {
        return color ? "\u001b[1m" + text + RESET : text;
    }

    public String dim(String text) {
        return color ? "\u001b[2m" + text + RESET : text;
    }

    public String warn(String text) {
        return color ? "\u001b[33m" + text + RESET : text;
    }
}
