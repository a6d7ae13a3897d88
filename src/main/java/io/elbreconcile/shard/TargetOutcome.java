package io.elbreconcile.shard;

import java.util.Objects;
import java.util.Optional;

/** What one target's run ended with: its value, or the one line saying why it failed. */
public sealed interface TargetOutcome<T> permits TargetOutcome.Done, TargetOutcome.Failed {

    /** The target's name as its Target document gives it. */
    String target();

    /** The value, when the run succeeded. */
    Optional<T> value();

    record Done<T>(String target, T result) implements TargetOutcome<T> {
        public Done {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public Optional<T> value() {
            return Optional.of(result);
        }
    }

    /** @param failure kept for --debug; {@code message} is what users see */
    record Failed<T>(String target, String message, RuntimeException failure) implements TargetOutcome<T> {
        public Failed {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }
}
