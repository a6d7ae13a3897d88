package io.elbreconcile.emulator.engine;

import java.util.Objects;

/** A policy attribute as the API reports it: name and value are both strings (reference fact 7). */
public record PolicyAttribute(String name, String value) {
    public PolicyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
