package io.elbreconcile.emulator.http;

/**
 * One API operation: decode a typed request from the query, call the engine, write the members
 * of the {@code <ActionResult>} element. Engine and decoding failures are thrown as
 * {@link io.elbreconcile.emulator.engine.EngineException} and rendered by the front.
 */
public interface ActionHandler {
    String action();

    /** Whether the action may change the world: counted apart, and followed by a save. */
    boolean mutating();

    void handle(Query query, ActionContext context, Xml result);
}
