package io.elbreconcile.aws;

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
     * The code and message come from the far end, so line breaks and control characters in them
     * are shown escaped: one failure stays one line, and nothing reaches the terminal raw.
     */
    public String oneLine() {
        return printable((operation == null ? "" : operation + ": ") + code + ": " + getMessage());
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
