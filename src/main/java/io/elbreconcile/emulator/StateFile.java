package io.elbreconcile.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.elbreconcile.emulator.engine.DefaultVpc;
import io.elbreconcile.emulator.engine.LoadBalancerState;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.engine.WorldKey;
import io.elbreconcile.emulator.engine.Worlds;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeMap;

/**
 * The worlds as a JSON file with a {@code formatVersion}. Version 2 holds one world per account and
 * region; version 1 (one world) is still read, into the default region, its zone-only load
 * balancers moved into that region's default VPC as AWS did when it retired EC2-Classic. Saves go
 * to a temporary file in the same directory, then replace the target with an atomic move, so a
 * killed emulator leaves either the old or the new file, never half of one.
 */
final class StateFile {
    static final int FORMAT_VERSION = 2;
    /** One world, before worlds were kept per account and region. */
    static final int SINGLE_WORLD_VERSION = 1;

    /** The document on disk: {@code worlds} in version 2, {@code world} in version 1. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(int formatVersion, World world, List<KeyedWorld> worlds) {
    }

    /** One account's world in one region. */
    record KeyedWorld(String account, String region, World world) {
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

    /** A missing file is no worlds; anything unreadable is a one-line EmulatorStateException. */
    Worlds load(String defaultRegion) {
        String json;
        try {
            // Checked before opening: a FIFO in its place would keep the emulator waiting for ever.
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new EmulatorStateException("emulator state file " + path + " is not a regular file; give the path of a"
                        + " JSON file (it is created if missing)", null);
            }
            json = Files.readString(path);
        } catch (NoSuchFileException e) {
            return Worlds.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new EmulatorStateException("emulator state file " + path + " is not UTF-8 text; is this a binary file?"
                    + " (give the path of a JSON file; it is created if missing)", e);
        } catch (IOException e) {
            throw new EmulatorStateException("cannot read emulator state file " + path + ": " + e.getMessage(), e);
        }
        Document document;
        try {
            JsonNode tree = mapper.readTree(json);
            checkVersion(tree);
            document = mapper.treeToValue(tree, Document.class);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof EmulatorStateException refused) {
                throw refused;
            }
            throw new EmulatorStateException("emulator state file " + path + " is corrupt (" + whatIsWrong(e)
                    + "); delete it to start from an empty world", e);
        }
        if (document == null) {
            throw corrupt("no world");
        }
        if (document.formatVersion() == SINGLE_WORLD_VERSION) {
            if (document.world() == null) {
                throw corrupt("no world");
            }
            WorldKey key = WorldKey.of(defaultRegion);
            return Worlds.empty().with(key, intoDefaultVpc(document.world(), key));
        }
        if (document.worlds() == null) {
            throw corrupt("no worlds");
        }
        TreeMap<WorldKey, World> worlds = new TreeMap<>();
        for (KeyedWorld keyed : document.worlds()) {
            if (keyed == null || keyed.account() == null || keyed.region() == null || keyed.world() == null) {
                throw corrupt("a world without account, region or load balancers");
            }
            if (worlds.put(new WorldKey(keyed.account(), keyed.region()), keyed.world()) != null) {
                throw corrupt("two worlds for account " + keyed.account() + " in " + keyed.region());
            }
        }
        return new Worlds(worlds);
    }

    private EmulatorStateException corrupt(String why) {
        return new EmulatorStateException("emulator state file " + path + " is corrupt (" + why
                + "); delete it to start from an empty world", null);
    }

    /** Zone-only load balancers of a version 1 file had no VPC (EC2-Classic); AWS moved such ones into the default VPC. */
    private static World intoDefaultVpc(World world, WorldKey key) {
        DefaultVpc vpc = DefaultVpc.of(key);
        World moved = world;
        for (LoadBalancerState lb : world.loadBalancers().values()) {
            if (!lb.inVpc()) {
                List<String> groups = lb.securityGroups().isEmpty() ? List.of(vpc.securityGroupId()) : lb.securityGroups();
                moved = moved.with(lb.withPlacement(vpc.vpcId(), vpc.subnetsFor(lb.availabilityZones()), groups));
            }
        }
        return moved;
    }

    void save(Worlds worlds) {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
            try {
                List<KeyedWorld> keyed = worlds.byKey().entrySet().stream()
                        .map(e -> new KeyedWorld(e.getKey().account(), e.getKey().region(), e.getValue())).toList();
                mapper.writeValue(temporary.toFile(), new Document(FORMAT_VERSION, null, keyed));
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

    /**
     * The version is read before anything else: a newer file's world may not fit this version's
     * types, and the user must hear "newer", not how our classes failed to bind it.
     */
    private void checkVersion(JsonNode tree) {
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new EmulatorStateException("emulator state file " + path + " is corrupt (no formatVersion); delete it to"
                    + " start from an empty world", null);
        }
        int found = version.intValue();
        if (found > FORMAT_VERSION) {
            throw new EmulatorStateException("emulator state file " + path + " was written by a newer elb-reconcile (formatVersion "
                    + found + "; this version reads " + FORMAT_VERSION + "): use that version, or delete the file to start"
                    + " from an empty world", null);
        }
        if (found != FORMAT_VERSION && found != SINGLE_WORLD_VERSION) {
            throw new EmulatorStateException("emulator state file " + path + " has formatVersion " + found
                    + ", which this version does not read (it reads " + SINGLE_WORLD_VERSION + " and " + FORMAT_VERSION
                    + "); delete it to start from an empty world", null);
        }
    }

    /**
     * Where the JSON went wrong, in the file's own terms (line, column, field path); never our class
     * names or the binder's exception text, which mean nothing to a user.
     */
    private static String whatIsWrong(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder at = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    at.append(at.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    at.append('[').append(reference.getIndex()).append(']');
                }
            }
            return "unexpected content at " + at;
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return "not valid JSON at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        }
        return "unexpected content";
    }
}
