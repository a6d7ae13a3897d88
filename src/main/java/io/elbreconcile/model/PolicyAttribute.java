package io.elbreconcile.model;

import java.util.Objects;

/** One attribute of a policy as AWS takes and reports it: a name and a string value. */
public record PolicyAttribute(String name, String value) {

    public PolicyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
