package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.Transition;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.engine.WorldKey;
import io.elbreconcile.emulator.engine.Worlds;
import io.elbreconcile.emulator.http.WorldStore;

import java.util.function.Function;

/**
 * The current worlds, one per account and region. Reads see a consistent immutable snapshot without locking; updates are
 * serialised. With a state file, saving is write-behind: a background thread writes the latest
 * world at most every {@link #SAVE_DELAY_MILLIS} ms, and {@link #save()} (on close) writes it at
 * once. Rewriting the whole file after every request made a 2,000-load-balancer apply quadratic;
 * now a killed emulator loses at most the last fraction of a second, and the file always holds the
 * world as it was after some prefix of the requests (each save is an atomic snapshot), which is a
 * state AWS itself could have been in.
 */
final class PersistentWorldStore implements WorldStore {

    static final long SAVE_DELAY_MILLIS = 100;

    private final StateFile file;
    private final Object saving = new Object();
    private volatile Worlds worlds;
    private Worlds saved;
    private boolean closed;

    PersistentWorldStore(Worlds initial, StateFile file) {
        this.worlds = initial;
        this.saved = initial; // nothing to write until something changes: a run that changed nothing leaves no file
        this.file = file;
        if (file != null) {
            Thread writer = new Thread(this::writeBehind, "elb-emulator-state-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    @Override
    public World read(WorldKey key) {
        return worlds.get(key);
    }

    @Override
    public synchronized <T> T update(WorldKey key, Function<World, Transition<T>> change) {
        World before = worlds.get(key);
        Transition<T> transition = change.apply(before);
        if (transition.world() != before) {
            worlds = worlds.with(key, transition.world());
            wakeWriter();
        }
        return transition.result();
    }

    @Override
    public synchronized void reset() {
        worlds = Worlds.empty();
        save();
    }

    /** Writes the current world now, if it changed since the last save. */
    void save() {
        if (file == null) {
            return;
        }
        synchronized (saving) {
            Worlds current = worlds;
            if (current != saved) {
                file.save(current);
                saved = current;
            }
        }
    }

    /** Saves once more and stops the writer. */
    void close() {
        save();
        synchronized (saving) {
            closed = true;
            saving.notifyAll();
        }
    }

    private void wakeWriter() {
        if (file != null) {
            synchronized (saving) {
                saving.notifyAll();
            }
        }
    }

    private void writeBehind() {
        try {
            while (true) {
                synchronized (saving) {
                    while (!closed && worlds == saved) {
                        saving.wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                Thread.sleep(SAVE_DELAY_MILLIS); // lets a burst of requests share one write
                try {
                    save();
                } catch (EmulatorStateException e) {
                    // Reported again by the save on close; the emulator keeps serving meanwhile.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
