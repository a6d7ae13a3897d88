package io.elbreconcile.apply;

import java.util.List;

/** A plan the executor refused before its first call: each line names a step and what it would break. */
public final class UnsafePlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    UnsafePlanException(List<String> violations) {
        super(violations.size() + " step(s) refused; nothing was changed", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
