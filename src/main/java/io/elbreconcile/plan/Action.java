package io.elbreconcile.plan;

import java.util.Locale;

/** What a plan does to one address: a closed set, as in Terraform's plans. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    REPLACE("-/+"),
    DELETE("-"),
    NOOP(" ");

    private final String marker;

    Action(String marker) {
        this.marker = marker;
    }

    /** The Terraform-like marker shown in text output. */
    public String marker() {
        return marker;
    }

    /** The lower-case name used in JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
