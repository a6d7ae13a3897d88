package io.elbreconcile.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.drift.Difference;
import io.elbreconcile.drift.DriftReport;

/** {@code drift --format json}, documented by {@code schemas/drift-v1.schema.json}. */
public final class DriftJsonView {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    public String render(DriftReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", DriftReport.FORMAT_VERSION);
        root.put("generatedAt", report.generatedAt().toString());
        ObjectNode target = root.putObject("target");
        target.put("endpoint", report.target().endpoint());
        target.put("region", report.target().region());
        target.put("account", report.target().account());
        ArrayNode differences = root.putArray("differences");
        for (Difference difference : report.differences()) {
            ObjectNode node = differences.addObject();
            node.put("kind", difference.kind().wire());
            node.put("address", difference.address().toString());
            node.set("before", mapper.valueToTree(difference.before()));
            node.set("after", mapper.valueToTree(difference.after()));
            if (!difference.detail().isEmpty()) {
                node.put("detail", difference.detail());
            }
            difference.source().ifPresent(source -> node.put("source", source));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("differences", report.differences().size());
        summary.put("resourcesChecked", report.resourcesChecked());
        summary.put("ignored", report.ignored().size());
        for (var count : report.countsByKind().entrySet()) {
            summary.put(count.getKey().wire(), count.getValue());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drift report always serialises", e);
        }
    }

}
