package io.elbreconcile.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.InputText;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.OperationKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON form of a {@link Plan} ({@code schemas/plan-v1.schema.json}): what {@code plan --out}
 * writes, {@code plan --format json} prints and {@code apply PLANFILE} reads back. Writing is
 * deterministic (sorted keys, steps in plan order), so the same plan is the same bytes.
 */
public final class PlanCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            // Two values for one key would let the MAC and the comparison see one and a reader another.
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    /** Members of a saved file that are not part of the plan value itself. */
    private static final String DESIRED_STATE = "desiredState";
    private static final String MAC = "mac";

    /** A plan file that cannot be read: one line for the user. */
    public static final class UnreadablePlanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadablePlanException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The plan as {@code plan --format json} prints it: the plan value, without its recorded input. */
    public String write(Plan plan) {
        return text(tree(plan));
    }

    /**
     * The file {@code plan --out} writes: the plan, the input it was made from and its digest, and
     * with a key, an HMAC-SHA256 of the canonical content of all that.
     *
     * @param key null for no MAC
     */
    public String writeSaved(Plan plan, List<InputText> inputs, String key) {
        ObjectNode root = tree(plan);
        ObjectNode desired = root.putObject(DESIRED_STATE);
        desired.put("digest", SavedPlan.digestOf(inputs));
        ArrayNode files = desired.putArray("files");
        for (InputText input : inputs.stream().sorted().toList()) {
            files.addObject().put("path", input.path()).put("text", input.text());
        }
        if (key != null) {
            root.put(MAC, PlanSeal.mac(key, canonical(root)));
        }
        return text(root);
    }

    private String text(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serialises", e);
        }
    }

    private ObjectNode tree(Plan plan) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", plan.formatVersion());
        ObjectNode target = root.putObject("target");
        target.put("endpoint", plan.target().endpoint());
        target.put("region", plan.target().region());
        target.put("account", plan.target().account());
        root.put("inputDigest", plan.inputDigest());
        ObjectNode options = root.putObject("options");
        options.put("stack", plan.options().stack().orElse(null));
        options.put("allowDelete", plan.options().allowDelete());
        options.put("replaceStrategy", plan.options().replaceStrategy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (plan.options().partial()) {
            var targets = options.putArray("targets");
            plan.options().targets().forEach(t -> targets.add(t.toString()));
        }
        PlanSummary summary = plan.summary();
        ObjectNode summaryNode = root.putObject("summary");
        summaryNode.put("create", summary.create());
        summaryNode.put("update", summary.update());
        summaryNode.put("replace", summary.replace());
        summaryNode.put("delete", summary.delete());
        summaryNode.put("noop", summary.noop());
        summaryNode.put("steps", summary.steps());
        summaryNode.put("heldBack", summary.heldBack());
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("address", change.address().toString());
            node.put("action", change.action().wire());
            node.set("before", mapper.valueToTree(change.before()));
            node.set("after", mapper.valueToTree(change.after()));
            node.set("reasons", mapper.valueToTree(change.reasons()));
            change.heldBack().ifPresent(held -> node.putObject("heldBack").put("reason", held.reason()).put("needs", held.needs()));
            change.source().ifPresent(source -> node.put("source", source));
            if (!change.causes().isEmpty()) {
                ObjectNode causes = node.putObject("causes");
                change.causes().forEach((key, cause) -> causes.put(key, cause.wire()));
            }
        }
        ArrayNode steps = root.putArray("steps");
        for (Step step : plan.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            node.put("operation", step.operation().awsOperation());
            node.put("address", step.address().toString());
            node.put("description", step.describe());
            node.set("parameters", mapper.valueToTree(step.operation()));
            node.set("dependsOn", mapper.valueToTree(step.dependsOn()));
        }
        root.set("notices", mapper.valueToTree(plan.notices()));
        root.set("fingerprints", mapper.valueToTree(plan.fingerprints()));
        return root;
    }

    /**
     * What a MAC covers: the file without its {@code mac} member, keys sorted at every level, no
     * white space. Reordering keys or re-indenting keeps it; any other edit changes it.
     *
     * @throws UnreadablePlanException when the text is not JSON
     */
    public String canonicalContent(String json, String source) {
        JsonNode root = parse(json, source);
        if (!root.isObject()) {
            throw new UnreadablePlanException(source + " is not a plan file (expected a JSON object)", null);
        }
        ObjectNode withoutMac = ((ObjectNode) root).deepCopy();
        withoutMac.remove(MAC);
        return canonical(withoutMac);
    }

    private String canonical(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            fields.forEach((key, value) -> copy.set(key, sorted(value)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /**
     * A file saved by {@code plan --out} (its MAC and digest are for the caller to check).
     *
     * @throws UnreadablePlanException with a one-line reason when it is not such a file
     */
    public SavedPlan readSaved(String json, String source) {
        JsonNode root = parse(json, source);
        Plan plan = read(root, source);
        JsonNode desired = root.get(DESIRED_STATE);
        if (desired == null) {
            throw new UnreadablePlanException(source + " records no desired state: it was not saved by 'plan --out'"
                    + " (run plan --out again)", null);
        }
        if (!desired.isObject() || desired.size() != 2) {
            throw new UnreadablePlanException(source + " is not a valid plan file: desiredState must hold exactly"
                    + " digest and files", null);
        }
        List<InputText> inputs = new ArrayList<>();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (JsonNode file : required(desired, "files", source)) {
            JsonNode path = file.get("path");
            JsonNode text = file.get("text");
            if (path == null || !path.isTextual() || text == null || !text.isTextual() || file.size() != 2) {
                throw new UnreadablePlanException(source + " is not a valid plan file: desiredState.files holds an entry"
                        + " that is not {path, text}", null);
            }
            if (!paths.add(path.asText())) {
                throw new UnreadablePlanException(source + " is not a valid plan file: desiredState.files names one path twice", null);
            }
            inputs.add(new InputText(path.asText(), text.asText()));
        }
        String digest = required(desired, "digest", source).asText();
        JsonNode mac = root.get(MAC);
        if (mac != null && !mac.isTextual()) {
            throw new UnreadablePlanException(source + " is not a valid plan file: 'mac' is not a string", null);
        }
        return new SavedPlan(plan, inputs, digest, mac == null ? null : mac.asText(), json);
    }

    /**
     * Where a saved plan first differs from a fresh plan (made from its recorded input, a fresh
     * observation and this command line's options), or empty when it is exactly that plan.
     */
    public java.util.Optional<String> firstDifference(SavedPlan saved, Plan fresh) {
        ObjectNode savedTree = ((ObjectNode) parse(saved.text(), "saved plan")).deepCopy();
        savedTree.remove(DESIRED_STATE);
        savedTree.remove(MAC);
        return PlanDifference.first(savedTree, parse(write(fresh), "fresh plan"));
    }

    private JsonNode parse(String json, String source) {
        if (!json.stripLeading().startsWith("{")) {
            // The JSON parser would describe the first odd character in its own terms; say what the file is not.
            throw new UnreadablePlanException(source + " is not a plan file (a plan saved by 'plan --out' is a JSON object)", null);
        }
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null) {
                throw new UnreadablePlanException(source + " is not a plan file (expected a JSON object)", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw unreadable(e, source);
        }
    }

    private static UnreadablePlanException unreadable(JsonProcessingException e, String source) {
        // Jackson's text names its own internals ("start marker at [Source: ...]"): keep the reason, say where.
        String reason = e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker at .*", "").replaceAll("(?s)\\s*at \\[Source.*", "");
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? source : source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
        return new UnreadablePlanException(where + ": not a valid plan file (" + reason + ")", e);
    }

    /** @throws UnreadablePlanException with a one-line reason when the text is not a plan this version can apply */
    public Plan read(String json, String source) {
        return read(parse(json, source), source);
    }

    private Plan read(JsonNode root, String source) {
        try {
            if (!root.isObject()) {
                throw new UnreadablePlanException(source + " is not a plan file (expected a JSON object)", null);
            }
            int version = required(root, "formatVersion", source).asInt();
            if (version != Plan.FORMAT_VERSION) {
                // Older: its fingerprints or fields mean something else here, so plan again with this
                // version (never compare them: that would report a change nobody made). Newer: upgrade.
                throw new UnreadablePlanException(source + " has plan format version " + version
                        + "; this elb-reconcile reads version " + Plan.FORMAT_VERSION + (version > Plan.FORMAT_VERSION
                        ? " (it was saved by a newer elb-reconcile: apply it with that version)"
                        : " (it was saved by an older elb-reconcile: run plan --out again)"), null);
            }
            JsonNode target = required(root, "target", source);
            Target planTarget = new Target(required(target, "endpoint", source).asText(),
                    required(target, "region", source).asText(), textOrNull(target.get("account")));
            JsonNode optionsNode = required(root, "options", source);
            PlanOptions options = new PlanOptions(Optional.ofNullable(textOrNull(optionsNode.get("stack"))),
                    optionsNode.path("allowDelete").asBoolean(false),
                    ReplaceStrategy.valueOf(optionsNode.path("replaceStrategy").asText("zero-gap")
                            .toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
            List<io.elbreconcile.model.AddressPattern> targets = new ArrayList<>();
            for (JsonNode pattern : optionsNode.path("targets")) {
                targets.add(io.elbreconcile.model.AddressPattern.parse(pattern.asText()));
            }
            options = options.withTargets(targets);
            List<Change> changes = new ArrayList<>();
            for (JsonNode node : required(root, "changes", source)) {
                JsonNode held = node.get("heldBack");
                changes.add(new Change(Address.parse(node.get("address").asText()), Action.fromWire(node.get("action").asText()),
                        properties(node.get("before")), properties(node.get("after")),
                        mapper.convertValue(node.get("reasons"), mapper.getTypeFactory().constructCollectionType(List.class, String.class)),
                        held == null ? Optional.empty() : Optional.of(new HeldBack(held.path("reason").asText(), held.path("needs").asText())),
                        Optional.ofNullable(textOrNull(node.get("source"))), causes(node.get("causes"))));
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode node : required(root, "steps", source)) {
                String operationName = node.get("operation").asText();
                OperationKind kind = OperationKind.byAwsName(operationName).orElseThrow(() ->
                        new UnreadablePlanException(source + ": unknown operation '" + operationName + "'", null));
                Operation operation = mapper.treeToValue(node.get("parameters"), kind.type());
                TreeSet<String> dependsOn = new TreeSet<>();
                node.get("dependsOn").forEach(d -> dependsOn.add(d.asText()));
                steps.add(new Step(node.get("id").asText(), Address.parse(node.get("address").asText()), operation, dependsOn));
            }
            List<String> notices = new ArrayList<>();
            root.path("notices").forEach(n -> notices.add(n.asText()));
            SortedMap<String, String> fingerprints = new TreeMap<>();
            required(root, "fingerprints", source).fields().forEachRemaining(e -> {
                Address.parse(e.getKey()); // an address, or IllegalArgumentException: not a plan
                fingerprints.put(e.getKey(), e.getValue().asText());
            });
            return new Plan(version, planTarget, required(root, "inputDigest", source).asText(), options, changes, steps,
                    notices, fingerprints);
        } catch (JsonProcessingException e) {
            throw unreadable(e, source);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new UnreadablePlanException(source + " is not a valid plan file: " + e.getMessage(), e);
        }
    }

    private SortedMap<String, Object> properties(JsonNode node) {
        SortedMap<String, Object> values = new TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> values.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class)));
        }
        return values;
    }

    private static SortedMap<String, Cause> causes(JsonNode node) {
        SortedMap<String, Cause> causes = new TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> causes.put(e.getKey(), Cause.fromWire(e.getValue().asText())));
        }
        return causes;
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadablePlanException(source + " is not a valid plan file: '" + field + "' is missing", null);
        }
        return value;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
