package io.elbreconcile.reconcile;

import io.elbreconcile.model.InputText;
import io.elbreconcile.model.Shard;

import java.nio.file.Path;
import java.util.List;

/**
 * A command's loaded input: either one target's input and open target ({@code single}), or the
 * shards of several Target documents, each of which opens its own target.
 */
public record Input(ConnectedInput single, List<Shard> shards, List<InputText> inputs) {

    public Input {
        shards = List.copyOf(shards);
        inputs = List.copyOf(inputs);
    }

    public boolean targeted() {
        return single == null;
    }

    /** The files of one target: those in its directory or below (a saved plan records them). */
    public List<InputText> inputsOf(Shard shard) {
        Path directory = Path.of(shard.target().orElseThrow().directory()).toAbsolutePath().normalize();
        return inputs.stream().filter(input -> Path.of(input.path()).toAbsolutePath().normalize().startsWith(directory)).toList();
    }
}
