package io.elbreconcile.diag;

/** Thrown when input cannot be used; carries every problem found, not just the first. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Diagnostics diagnostics;

    public InvalidInputException(Diagnostics diagnostics) {
        super(diagnostics.isEmpty() ? "invalid input" : diagnostics.items().get(0).render(), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input failure needs at least one diagnostic");
        }
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
