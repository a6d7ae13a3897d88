package io.elbreconcile.diag;

/** A failure whose message is complete for users as it is: printed as one line, no hint to --debug. */
public final class UserFacingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message, null, false, false);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
