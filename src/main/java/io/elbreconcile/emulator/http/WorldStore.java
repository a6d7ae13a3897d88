package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.engine.WorldKey;

import java.util.function.Function;

/**
 * Where the current worlds live, one per account and region. Updates are serialised; an update
 * whose function throws leaves the world unchanged. Implementations may persist after each update.
 */
public interface WorldStore {
    World read(WorldKey key);

    <T> T update(WorldKey key, Function<World, Transition<T>> change);

    /** Back to no load balancers anywhere. */
    void reset();
}
