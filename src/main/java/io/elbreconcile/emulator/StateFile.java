package io.elbreconcile.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.elbreconcile.emulator.engine.World;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The world as a JSON file with a {@code formatVersion}. Saves go to a temporary file in the same
 * directory, then replace the target with an atomic move, so a killed emulator leaves either the
 * old or the new file, never half of one.
 */
final class StateFile {
    static final int FORMAT_VERSION = 1;

    /** The document on disk. */
    record Document(int formatVersion, World world) {
    }

    private final Path path;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.INDENT_OUTPUT);

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** A missing file is an empty world; anything unreadable is a one-line EmulatorStateException. */
    World load() {
        String json;
        try {
            json = Files.readString(path);
        } catch (NoSuchFileException e) {
            return World.empty();
        } catch (IOException e) {
            throw new EmulatorStateException("cannot read emulator state file " + path + ": " + e.getMessage(), e);
        }
        Document document;
        try {
            document = mapper.readValue(json, Document.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new EmulatorStateException("emulator state file " + path + " is corrupt (" + firstLine(e)
                    + "); delete it to start from an empty world", e);
        }
        if (document == null || document.world() == null) {
            throw new EmulatorStateException("emulator state file " + path + " is corrupt (no world); delete it to start "
                    + "from an empty world", null);
        }
        if (document.formatVersion() != FORMAT_VERSION) {
            throw new EmulatorStateException("emulator state file " + path + " has formatVersion "
                    + document.formatVersion() + ", this emulator reads " + FORMAT_VERSION, null);
        }
        return document.world();
    }

    void save(World world) {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
            try {
                mapper.writeValue(temporary.toFile(), new Document(FORMAT_VERSION, world));
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new EmulatorStateException("cannot save emulator state file " + path + ": " + e.getMessage(), e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
