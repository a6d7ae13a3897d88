package io.elbreconcile.emulator.engine;

/** A refused request: the world stays as it was. Carries the wire error and its filled-in message. */
public final class EngineException extends RuntimeException {
    private final EngineError error;

    public EngineException(EngineError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public EngineError error() {
        return error;
    }
}
