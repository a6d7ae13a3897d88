package io.elbreconcile.graph;

import io.elbreconcile.plan.Step;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders a step graph as Graphviz dot or Mermaid, in execution order so output is stable. */
public final class GraphRenderer {

    public enum Format { DOT, MERMAID }

    private GraphRenderer() {
    }

    public static String render(StepGraph graph, Format format) {
        return switch (format) {
            case DOT -> dot(graph);
            case MERMAID -> mermaid(graph);
        };
    }

    private static String dot(StepGraph graph) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (Step step : graph.executionOrder()) {
            out.append("  ").append(quote(step.id())).append(" [label=").append(quote(label(step))).append("];\n");
        }
        for (String[] edge : graph.edges()) {
            out.append("  ").append(quote(edge[0])).append(" -> ").append(quote(edge[1])).append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String mermaid(StepGraph graph) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = new HashMap<>();
        List<Step> order = graph.executionOrder();
        for (int i = 0; i < order.size(); i++) {
            Step step = order.get(i);
            String id = "s" + (i + 1);
            ids.put(step.id(), id);
            out.append("  ").append(id).append("[\"").append(label(step).replace("\"", "#quot;").replace("\n", "<br/>")).append("\"]\n");
        }
        for (String[] edge : graph.edges()) {
            out.append("  ").append(ids.get(edge[0])).append(" --> ").append(ids.get(edge[1])).append('\n');
        }
        return out.toString();
    }

    /** Operation and address, plus the step's role when one address has several steps (a zero-gap swap). */
    private static String label(Step step) {
        int role = step.id().indexOf('#');
        return step.operation().awsOperation() + "\n" + step.address() + (role < 0 ? "" : "\n(" + step.id().substring(role + 1) + ")");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
