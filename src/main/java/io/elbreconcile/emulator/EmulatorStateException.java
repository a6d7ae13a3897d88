package io.elbreconcile.emulator;

/** The emulator cannot start or save: the message is one line, fit to show a user as is. */
public final class EmulatorStateException extends RuntimeException {
    public EmulatorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
