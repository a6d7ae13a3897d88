package io.elbreconcile.cli;

import io.elbreconcile.cli.view.Style;

/** Colour only for people: on a terminal, unless --no-color or NO_COLOR (no-color.org) says otherwise. */
final class Terminal {

    private Terminal() {
    }

    static Style style(CommonOptions common) {
        boolean wanted = !common.noColor() && System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return wanted ? Style.COLOR : Style.PLAIN;
    }
}
