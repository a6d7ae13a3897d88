package io.elbreconcile.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One report for a run over several Target documents (PRODUCT.md section 16): each target's own
 * view (text, Markdown or JSON, rendered by the usual views) under a heading that names it, in
 * target-name order, then one line counting how the targets ended.
 */
public final class TargetGroupView {

    public static final int FORMAT_VERSION = 1;

    /**
     * One target's part of the report.
     *
     * @param account null when unknown (no role)
     * @param body the target's own rendering; null when it failed
     * @param error the one-line failure; null when it succeeded
     */
    public record Section(String name, String region, String account, String body, String error) {
        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            if ((body == null) == (error == null)) {
                throw new IllegalArgumentException("a section has either a body or an error");
            }
        }

        String heading() {
            return name + " (" + region + (account == null ? "" : ", account " + account) + ")";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String text(List<Section> sections, Style style) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            out.append(style.bold("=== target " + section.heading() + " ===")).append('\n');
            if (section.error() != null) {
                out.append("error: ").append(section.error()).append('\n');
            } else {
                out.append(section.body());
                if (!section.body().isEmpty() && !section.body().endsWith("\n")) {
                    out.append('\n');
                }
            }
            out.append('\n');
        }
        return out.append(tally(sections)).append('\n').toString();
    }

    public String markdown(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            out.append("## Target `").append(section.name()).append("` (").append(section.region())
                    .append(section.account() == null ? "" : ", account " + section.account()).append(")\n\n");
            if (section.error() != null) {
                out.append("**Failed:** ").append(Markdown.inline(section.error())).append("\n\n");
            } else {
                out.append(section.body());
                if (!section.body().endsWith("\n")) {
                    out.append('\n');
                }
                out.append('\n');
            }
        }
        return out.append(tally(sections)).append('\n').toString();
    }

    /**
     * @param member the name under which each target's own JSON document goes ("plan", "drift")
     */
    public String json(List<Section> sections, String member) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ArrayNode targets = root.putArray("targets");
        int failed = 0;
        for (Section section : sections) {
            ObjectNode target = targets.addObject();
            target.put("name", section.name());
            target.put("region", section.region());
            if (section.account() != null) {
                target.put("account", section.account());
            }
            if (section.error() != null) {
                failed++;
                target.put("error", section.error());
            } else {
                try {
                    target.set(member, JSON.readTree(section.body()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a view rendered JSON that does not parse", e);
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("targets", sections.size());
        summary.put("failed", failed);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tally(List<Section> sections) {
        List<String> failed = sections.stream().filter(s -> s.error() != null).map(Section::name).toList();
        return sections.size() + " target" + (sections.size() == 1 ? "" : "s") + ": "
                + (sections.size() - failed.size()) + " ok, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")");
    }

    /** Text from a failure put in Markdown: characters that would start markup are escaped. */
    private static final class Markdown {
        static String inline(String text) {
            return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
        }
    }
}
