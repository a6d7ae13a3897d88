package io.elbreconcile.it.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any random edit of a saved plan's JSON (a value changed, a member or element added or dropped,
 * elements or keys reordered, anywhere in the file) is either refused, with exit 1, one closing
 * error line and not one mutating call, or is no edit at all once keys are sorted (and then the
 * plan applies). One emulator serves every try; its world is rebuilt only after a plan ran.
 */
class SavedPlanEditProperties {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    private static EmulatorServer emulator;
    private static Path dir;
    private static String saved;

    @BeforeContainer
    static void start() throws IOException {
        emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
        dir = Files.createTempDirectory("saved-plan-edits");
        write(dir.resolve("v1"), "lb.yaml", quickstart(60, "team: web"));
        write(dir.resolve("v2"), "lb.yaml", quickstart(120, "team: shop"));
        rebuild();
    }

    @AfterContainer
    static void stop() throws IOException {
        emulator.close();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Protected, tagged, with attributes and a policy to replace: a plan of many steps and every kind of member. */
    private static String[] quickstart(long period, String tag) {
        return new String[] {
                loadBalancer("my-load-balancer", "  protect: true\n  tags: {" + tag + "}\n"
                        + "  attributes:\n    idleTimeout: " + (period + 1) + "\n", http(80, 8080, "sticky")),
                lbCookie("my-load-balancer", "sticky", period)};
    }

    /** The world of v1 and a fresh saved plan of v2 against it. */
    private static void rebuild() throws IOException {
        emulator.reset();
        Harness.Result applied = Harness.apply(emulator, dir.resolve("v1"));
        assertEquals(0, applied.code(), applied.both());
        Path planFile = dir.resolve("base.json");
        Harness.Result planned = Harness.plan(emulator, dir.resolve("v2"), "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());
        saved = Files.readString(planFile);
    }

    @Property(tries = 30)
    void everyEditIsRefusedOrIsNoEdit(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        JsonNode base = JSON.readTree(saved);
        JsonNode edited = base.deepCopy();
        String edit = Edits.apply(edited, random);
        Path planFile = dir.resolve("edited.json");
        Files.writeString(planFile, JSON.writeValueAsString(edited), StandardCharsets.UTF_8);
        boolean noEdit = canonical(base).equals(canonical(edited));
        long before = emulator.mutatingCallCount();

        Harness.Result applied = Harness.cli(concat(new String[] {"apply", planFile.toString(), "--auto-approve"}, target(emulator)));

        String context = edit + "\n" + applied.both();
        if (noEdit) {
            assertEquals(0, applied.code(), context);
            rebuild();
            return;
        }
        assertEquals(1, applied.code(), context);
        assertEquals(before, emulator.mutatingCallCount(), "a refused plan made a mutating call: " + context);
        List<String> lines = List.of(applied.err().split("\n"));
        assertTrue(lines.get(lines.size() - 1).startsWith("error: "), context);
        assertFalse(applied.err().contains("\tat ") || applied.err().contains("unexpected error"), context);
    }

    private static String canonical(JsonNode node) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** One random edit at a random place of a JSON tree, described for the failure message. */
    private static final class Edits {

        private record Place(JsonNode container, String key, int index, String path) {
        }

        static String apply(JsonNode root, Random random) {
            List<Place> places = new ArrayList<>();
            collect(root, "", places);
            Place place = places.get(random.nextInt(places.size()));
            JsonNode target = place.container().isObject() ? place.container().get(place.key()) : place.container().get(place.index());
            switch (random.nextInt(6)) {
                case 0 -> {
                    set(place, changed(target, random));
                    return "changed " + place.path();
                }
                case 1 -> {
                    if (place.container().isObject()) {
                        ((ObjectNode) place.container()).set("extra" + random.nextInt(3), scalar(random));
                        return "added a member next to " + place.path();
                    }
                    ((ArrayNode) place.container()).insert(random.nextInt(place.container().size() + 1), target.deepCopy());
                    return "duplicated " + place.path();
                }
                case 2 -> {
                    if (place.container().isObject()) {
                        ((ObjectNode) place.container()).remove(place.key());
                    } else {
                        ((ArrayNode) place.container()).remove(place.index());
                    }
                    return "dropped " + place.path();
                }
                case 3 -> {
                    if (place.container().isArray() && place.container().size() > 1) {
                        ArrayNode array = (ArrayNode) place.container();
                        int other = random.nextInt(array.size());
                        JsonNode swapped = array.get(other);
                        array.set(other, target);
                        array.set(place.index(), swapped);
                        return "swapped " + place.path() + " with element " + other;
                    }
                    reorderKeys(place.container(), random);
                    return "reordered the keys around " + place.path();
                }
                case 4 -> {
                    reorderKeys(target.isObject() ? target : place.container(), random);
                    return "reordered the keys of or around " + place.path();
                }
                default -> {
                    set(place, scalar(random));
                    return "replaced " + place.path() + " with a scalar";
                }
            }
        }

        private static void collect(JsonNode node, String path, List<Place> places) {
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(key -> {
                    places.add(new Place(node, key, -1, path + "." + key));
                    collect(node.get(key), path + "." + key, places);
                });
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    places.add(new Place(node, null, i, path + "[" + i + "]"));
                    collect(node.get(i), path + "[" + i + "]", places);
                }
            }
        }

        private static void set(Place place, JsonNode value) {
            if (place.container().isObject()) {
                ((ObjectNode) place.container()).set(place.key(), value);
            } else {
                ((ArrayNode) place.container()).set(place.index(), value);
            }
        }

        private static JsonNode changed(JsonNode node, Random random) {
            if (node.isTextual()) {
                String text = node.asText();
                return random.nextBoolean() || text.isEmpty() ? TextNode.valueOf(text + "x")
                        : TextNode.valueOf(text.substring(0, text.length() - 1));
            }
            if (node.isBoolean()) {
                return JSON.getNodeFactory().booleanNode(!node.asBoolean());
            }
            if (node.isNumber()) {
                return JSON.getNodeFactory().numberNode(node.asLong() + 1 + random.nextInt(1000));
            }
            if (node.isContainerNode() && node.size() > 0) {
                JsonNode copy = node.deepCopy();
                if (copy.isArray()) {
                    ((ArrayNode) copy).remove(random.nextInt(copy.size()));
                } else {
                    ((ObjectNode) copy).remove(copy.fieldNames().next());
                }
                return copy;
            }
            return scalar(random);
        }

        private static JsonNode scalar(Random random) {
            return switch (random.nextInt(5)) {
                case 0 -> TextNode.valueOf("DeleteLoadBalancer");
                case 1 -> JSON.getNodeFactory().booleanNode(true);
                case 2 -> JSON.getNodeFactory().numberNode(999);
                case 3 -> JSON.getNodeFactory().nullNode();
                default -> TextNode.valueOf("");
            };
        }

        private static void reorderKeys(JsonNode node, Random random) {
            if (!node.isObject()) {
                return;
            }
            ObjectNode object = (ObjectNode) node;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            Collections.shuffle(keys, random);
            ObjectNode reordered = JSON.createObjectNode();
            keys.forEach(key -> reordered.set(key, object.get(key)));
            object.removeAll();
            object.setAll(reordered);
        }
    }
}
