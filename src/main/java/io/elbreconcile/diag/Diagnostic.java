package io.elbreconcile.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem in the user's input, rendered as a single line:
 * {@code file:line:column: message (did you mean 'x'?)}.
 */
public record Diagnostic(SourceLocation location, String message, Optional<String> hint)
        implements Comparable<Diagnostic> {

    public Diagnostic {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        // One problem is one line, whatever text the message carries from the input.
        message = Printable.escaped(message);
        hint = hint.map(Printable::escaped);
    }

    public static Diagnostic at(SourceLocation location, String message) {
        return new Diagnostic(location, message, Optional.empty());
    }

    public static Diagnostic at(SourceLocation location, String message, String hint) {
        return new Diagnostic(location, message, Optional.ofNullable(hint));
    }

    public String render() {
        return Printable.escaped(location.toString()) + ": " + message + hint.map(h -> " (" + h + ")").orElse("");
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return render();
    }
}
