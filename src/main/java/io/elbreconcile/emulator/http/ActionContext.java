package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.engine.WorldKey;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a handler may use besides its parameters: the caller's world (by account and region), the
 * time and the emulation settings. {@code beforeCommit} runs after a change is computed and before
 * it is kept; when it throws, the world stays as it was (the front refuses parameters the handler
 * never read there).
 */
public record ActionContext(WorldStore store, WorldKey key, long nowMillis, EngineSettings settings,
                            Runnable beforeCommit) {

    public String region() {
        return key.region();
    }

    public World world() {
        return store.read(key);
    }

    /** A change with nothing to report back. */
    public void apply(UnaryOperator<World> change) {
        transition(world -> new Transition<Void>(change.apply(world), null));
    }

    public <T> T transition(Function<World, Transition<T>> change) {
        return store.update(key, world -> {
            Transition<T> next = change.apply(world);
            beforeCommit.run();
            return next;
        });
    }
}
