package io.elbreconcile.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.model.InputText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The file {@code plan --out} writes for an input with Target documents (PRODUCT.md section 16):
 * every target's saved plan (its plan and the files it was made from, Target document included),
 * and with a key one HMAC over the whole, so that no target can be dropped, added or swapped.
 * <pre>{"formatVersion": 1, "targets": [{"name": N, "plan": SAVED-PLAN}, ...], "mac": ...}</pre>
 *
 * @param text the file as read, for the MAC check
 */
public record SavedPlanSet(List<Entry> targets, String mac, String text) {

    public static final int FORMAT_VERSION = 1;
    private static final String TARGETS = "targets";

    /** One target's saved plan. */
    public record Entry(String name, SavedPlan saved) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(saved, "saved");
        }
    }

    /** What one target contributes to a saved set: its name, plan and recorded files. */
    public record Part(String name, Plan plan, List<InputText> inputs) {
    }

    public SavedPlanSet {
        targets = List.copyOf(targets);
    }

    /** Whether a saved plan file is a set: its top level holds {@code targets} and no plan of its own. */
    public static boolean isSet(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            return root != null && root.isObject() && root.has(TARGETS) && !root.has("changes");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** @param key null for no MAC */
    public static String write(List<Part> parts, String key) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PlanCodec codec = new PlanCodec();
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode targets = root.putArray(TARGETS);
        for (Part part : parts) {
            ObjectNode entry = targets.addObject();
            entry.put("name", part.name());
            try {
                entry.set("plan", mapper.readTree(codec.writeSaved(part.plan(), part.inputs(), null)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a saved plan always parses", e);
            }
        }
        try {
            if (key != null) {
                root.put("mac", PlanSeal.mac(key, codec.canonicalContent(mapper.writeValueAsString(root), "plan set")));
            }
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan set always serialises", e);
        }
    }

    /** @throws PlanCodec.UnreadablePlanException with a one-line reason when it is not such a file */
    public static SavedPlanSet read(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanCodec.UnreadablePlanException(source + " is not a plan file (not JSON)", e);
        }
        if (root == null || !root.isObject() || root.path("formatVersion").asInt(-1) != FORMAT_VERSION
                || !root.path(TARGETS).isArray() || root.path(TARGETS).isEmpty()) {
            throw new PlanCodec.UnreadablePlanException(source + " is not a valid plan file of targets (expected formatVersion "
                    + FORMAT_VERSION + " and a non-empty 'targets' list)", null);
        }
        Set<String> known = Set.of("formatVersion", TARGETS, "mac");
        root.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new PlanCodec.UnreadablePlanException(source + " is not a valid plan file of targets: unknown member '"
                        + io.elbreconcile.diag.Printable.value(field) + "'", null);
            }
        });
        JsonNode mac = root.get("mac");
        if (mac != null && !mac.isTextual()) {
            throw new PlanCodec.UnreadablePlanException(source + " is not a valid plan file: 'mac' is not a string", null);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        PlanCodec codec = new PlanCodec();
        for (JsonNode entry : root.get(TARGETS)) {
            JsonNode name = entry.get("name");
            JsonNode plan = entry.get("plan");
            if (name == null || !name.isTextual() || plan == null || !plan.isObject() || entry.size() != 2) {
                throw new PlanCodec.UnreadablePlanException(source + " is not a valid plan file of targets: an entry is not"
                        + " {name, plan}", null);
            }
            if (!names.add(name.asText())) {
                throw new PlanCodec.UnreadablePlanException(source + " names the target '"
                        + io.elbreconcile.diag.Printable.value(name.asText()) + "' twice", null);
            }
            entries.add(new Entry(name.asText(), codec.readSaved(plan.toString(),
                    source + " (target " + io.elbreconcile.diag.Printable.value(name.asText()) + ")")));
        }
        return new SavedPlanSet(entries, mac == null ? null : mac.asText(), json);
    }
}
