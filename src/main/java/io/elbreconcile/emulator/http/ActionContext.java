package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What a handler may use besides its parameters: the world, the caller's region, the time. */
public record ActionContext(WorldStore store, String region, long nowMillis) {

    public World world() {
        return store.read();
    }

    /** A change with nothing to report back. */
    public void apply(UnaryOperator<World> change) {
        store.update(world -> new Transition<Void>(change.apply(world), null));
    }

    public <T> T transition(Function<World, Transition<T>> change) {
        return store.update(change);
    }
}
