package io.elbreconcile.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One reconciliation's worth of input: the desired state of one target. An input without Target
 * documents is one shard with no declared target (the command line says where it goes).
 */
public record Shard(Optional<DeclaredTarget> target, DesiredState desired) {

    public Shard {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(desired, "desired");
    }

    /** The target's name, or empty for the command line's target. */
    public String name() {
        return target.map(DeclaredTarget::name).orElse("");
    }
}
