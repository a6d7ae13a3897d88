package io.elbreconcile.spec;

import io.elbreconcile.model.DeclaredTarget;

/** A {@code Target} document: the account and region for the documents of its directory and below. */
record TargetDocument(YamlDocument source, DeclaredTarget target) implements SpecDocument {

    @Override
    public String name() {
        return target.name();
    }
}
