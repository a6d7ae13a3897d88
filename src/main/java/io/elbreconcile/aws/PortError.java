package io.elbreconcile.aws;

import io.elbreconcile.diag.Printable;

import java.util.Objects;

/**
 * A failed call through the {@link ElbPort}: the AWS error code and message, the HTTP status and
 * request id when known, and how the core should react.
 */
public final class PortError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;
    private final int httpStatus;
    private final String requestId;
    private final String operation;

    public PortError(ErrorKind kind, String code, String message, int httpStatus, String requestId,
                     String operation, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.operation = operation;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The AWS {@code <Code>}, or a synthetic one such as {@code ConnectionFailure}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Null when the call never reached the service. */
    public String requestId() {
        return requestId;
    }

    public String operation() {
        return operation;
    }

    /**
     * One line for users: {@code CreateLBCookieStickinessPolicy: DuplicatePolicyName: Policy ... already exists.}
     * The code and message of an answer come from the far end, so they are shown as any value from
     * the target is (escaped, the first {@value Printable#MAX_VALUE_CHARS} characters); a failure
     * of ours that got no answer is our own text, escaped only, so it stays one line.
     */
    public String oneLine() {
        boolean answered = httpStatus > 0;
        String message = getMessage();
        return (operation == null ? "" : operation + ": ") + Printable.value(code) + ": "
                + (answered ? Printable.value(message) : Printable.escaped(message));
    }
}
