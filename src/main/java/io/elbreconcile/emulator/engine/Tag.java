package io.elbreconcile.emulator.engine;

import java.util.Objects;

/** A tag; the value is "" when none was given (the API allows a missing value). */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
