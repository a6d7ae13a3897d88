package io.elbreconcile.cli.view;

import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Change;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One load balancer of a Markdown plan: its row in the summary and its collapsed section with each
 * change (before → after, reasons, held back, the declaring {@code file:line}) and its API calls.
 *
 * @param calls the load balancer's calls, each already numbered by its place in the whole plan
 */
record MarkdownLoadBalancerSection(String loadBalancer, List<Change> changes, List<String> calls) {

    MarkdownLoadBalancerSection {
        changes = List.copyOf(changes);
        calls = List.copyOf(calls);
    }

    String summaryRow() {
        return "| `" + Markdown.inlineCode(loadBalancer) + "` | " + Markdown.text(actions()) + " | "
                + sourceFile().map(file -> "`" + Markdown.inlineCode(file) + "`").orElse("—") + " |";
    }

    /** @param withCalls list the calls; without, only their number (a bounded comment keeps room for more changes) */
    String details(boolean withCalls) {
        StringBuilder out = new StringBuilder("<details><summary><code>").append(Markdown.html(loadBalancer))
                .append("</code>: ").append(Markdown.html(actions())).append("</summary>\n\n");
        out.append("| Action | Address | Change | Source |\n|---|---|---|---|\n");
        for (Change change : changes) {
            out.append("| ").append(icon(change.action())).append(' ').append(change.action().wire())
                    .append(change.isHeldBack() ? " (held back)" : "")
                    .append(" | `").append(Markdown.inlineCode(change.address().toString())).append("` | ")
                    .append(cell(change)).append(" | ")
                    .append(change.source().map(s -> "`" + Markdown.inlineCode(s) + "`").orElse("—")).append(" |\n");
        }
        if (!calls.isEmpty() && withCalls) {
            out.append("\nAPI calls (").append(calls.size()).append(", numbered in the whole plan's order):\n\n");
            calls.forEach(call -> out.append(Markdown.text(call)).append('\n'));
        } else if (!calls.isEmpty()) {
            out.append("\n").append(calls.size()).append(calls.size() == 1 ? " API call" : " API calls")
                    .append(" (listed in the full plan).\n");
        }
        return out.append("\n</details>\n").toString();
    }

    /** E.g. "✏️ 2 update, 🗑️ 1 delete (held back)": counts per action, held-back ones apart. */
    private String actions() {
        Map<Action, Integer> carried = new EnumMap<>(Action.class);
        Map<Action, Integer> held = new EnumMap<>(Action.class);
        changes.forEach(change -> (change.isHeldBack() ? held : carried).merge(change.action(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        carried.forEach((action, count) -> parts.add(icon(action) + " " + count + " " + action.wire()));
        held.forEach((action, count) -> parts.add(icon(action) + " " + count + " " + action.wire() + " (held back)"));
        return String.join(", ", parts);
    }

    /** The load balancer's own document when it has one, else the first file any change names. */
    private java.util.Optional<String> sourceFile() {
        return changes.stream().filter(c -> c.source().isPresent()).findFirst()
                .flatMap(Change::source).map(s -> s.lastIndexOf(':') < 0 ? s : s.substring(0, s.lastIndexOf(':')));
    }

    private static String cell(Change change) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(change.before().keySet());
        keys.addAll(change.after().keySet());
        for (String key : keys) {
            Object before = change.before().get(key);
            Object after = change.after().get(key);
            String name = "`" + Markdown.inlineCode(key) + "`";
            String line = switch (change.action()) {
                case CREATE -> name + " = " + Markdown.value(after);
                case DELETE -> name + " was " + Markdown.value(before);
                default -> Objects.equals(before, after) ? null
                        : name + ": " + Markdown.value(before) + " → " + Markdown.value(after);
            };
            if (line != null) {
                parts.add(line + PlanTextView.causeNote(change, key).map(note -> " ⚠️ _" + Markdown.text(note) + "_").orElse(""));
            }
        }
        change.reasons().forEach(reason -> parts.add("_" + Markdown.text(reason) + "_"));
        change.heldBack().ifPresent(held -> parts.add("⏸️ **" + Markdown.text(PlanTextView.heldBackLine(held)) + "**"));
        return String.join("<br>", parts);
    }

    static String icon(Action action) {
        return switch (action) {
            case CREATE -> "➕";
            case UPDATE -> "✏️";
            case REPLACE -> "♻️";
            case DELETE -> "🗑️";
            case NOOP -> "";
        };
    }
}
