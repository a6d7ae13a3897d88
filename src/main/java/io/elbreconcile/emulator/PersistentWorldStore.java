package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.http.WorldStore;

import java.util.function.Function;

/**
 * The current world. Reads see a consistent immutable snapshot without locking; updates are
 * serialised and, when a state file is set, saved before the caller gets an answer, so an
 * acknowledged change survives a kill.
 */
final class PersistentWorldStore implements WorldStore {
    private final StateFile file;
    private volatile World world;

    PersistentWorldStore(World initial, StateFile file) {
        this.world = initial;
        this.file = file;
    }

    @Override
    public World read() {
        return world;
    }

    @Override
    public synchronized <T> T update(Function<World, Transition<T>> change) {
        Transition<T> transition = change.apply(world);
        if (transition.world() != world) {
            if (file != null) {
                file.save(transition.world());
            }
            world = transition.world();
        }
        return transition.result();
    }

    @Override
    public synchronized void reset() {
        world = World.empty();
        if (file != null) {
            file.save(world);
        }
    }

    synchronized void save() {
        if (file != null) {
            file.save(world);
        }
    }
}
