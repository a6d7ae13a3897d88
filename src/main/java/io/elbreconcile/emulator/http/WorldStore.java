package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;

import java.util.function.Function;

/**
 * Where the current world lives. Updates are serialised; an update whose function throws leaves
 * the world unchanged. Implementations may persist after each update.
 */
public interface WorldStore {
    World read();

    <T> T update(Function<World, Transition<T>> change);

    /** Back to the empty world. */
    void reset();
}
