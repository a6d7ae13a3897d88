package io.elbreconcile.it;

import io.elbreconcile.emulator.EmulatorServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A folder of input files and the emulator it is applied to, for tests that apply, change behind its back and compare. */
public record InputDir(EmulatorServer emulator, Path dir) {

    public void write(String name, String yaml) {
        try {
            Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code COMMAND DIR EXTRA...} against the emulator. */
    public Cli.Result run(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, dir.toString()));
        args.addAll(List.of(extra));
        return Cli.against(emulator, args.toArray(String[]::new));
    }

    /** {@code apply DIR EXTRA... --auto-approve}, checked to have succeeded. */
    public void applied(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--auto-approve");
        Cli.Result apply = run("apply", args.toArray(String[]::new));
        assertEquals(0, apply.code(), apply::toString);
    }

    /** {@code drift DIR --no-color EXTRA...}, checked to have made no mutating call. */
    public Cli.Result drift(String... extra) {
        long writes = emulator.mutatingCallCount();
        List<String> args = new ArrayList<>(List.of("--no-color"));
        args.addAll(List.of(extra));
        Cli.Result result = run("drift", args.toArray(String[]::new));
        assertEquals(writes, emulator.mutatingCallCount(), "drift wrote");
        return result;
    }
}
