package io.elbreconcile.emulator.engine;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every world the emulator holds, one per account and region; a key never used is an empty world. */
public record Worlds(SortedMap<WorldKey, World> byKey) {

    public Worlds {
        TreeMap<WorldKey, World> kept = new TreeMap<>(byKey);
        kept.values().removeIf(w -> w.loadBalancers().isEmpty());
        byKey = Collections.unmodifiableSortedMap(kept);
    }

    public static Worlds empty() {
        return new Worlds(new TreeMap<>());
    }

    public World get(WorldKey key) {
        return byKey.getOrDefault(key, World.empty());
    }

    public Worlds with(WorldKey key, World world) {
        TreeMap<WorldKey, World> next = new TreeMap<>(byKey);
        next.put(key, world);
        return new Worlds(next);
    }
}
