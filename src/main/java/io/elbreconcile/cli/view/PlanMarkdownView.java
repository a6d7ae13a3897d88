package io.elbreconcile.cli.view;

import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The plan as a pull-request comment: a summary line, a table of changes, the calls folded away. */
public final class PlanMarkdownView {

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder("### elb-reconcile plan\n\n");
        out.append("Target: `").append(plan.target().endpoint()).append("` (`").append(plan.target().region()).append("`)\n\n");
        if (!plan.hasChanges()) {
            out.append(plan.heldBack() == 0 ? "**No changes.** The target matches the configuration.\n"
                    : "**No changes will be made,** but " + PlanTextView.heldBackClause(plan) + ":\n");
            notices(plan, out);
            return out.toString();
        }
        out.append("**").append(PlanTextView.summaryLine(plan.summary())).append("**\n\n");
        out.append("| Action | Address | Change |\n|---|---|---|\n");
        for (Change change : plan.changes()) {
            if (change.action() == Action.NOOP) {
                continue;
            }
            out.append("| ").append(icon(change.action())).append(' ').append(change.action().wire())
                    .append(" | `").append(change.address()).append("` | ").append(details(change)).append(" |\n");
        }
        notices(plan, out);
        out.append("\n<details><summary>API calls, in order (").append(plan.steps().size()).append(")</summary>\n\n");
        List<Step> order = StepGraph.of(plan).executionOrder();
        for (int i = 0; i < order.size(); i++) {
            out.append(i + 1).append(". ").append(escape(order.get(i).describe())).append('\n');
        }
        out.append("\n</details>\n");
        return out.toString();
    }

    private static String details(Change change) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(change.before().keySet());
        keys.addAll(change.after().keySet());
        for (String key : keys) {
            Object before = change.before().get(key);
            Object after = change.after().get(key);
            switch (change.action()) {
                case CREATE -> parts.add("`" + key + "` = " + code(after));
                case DELETE -> parts.add("`" + key + "` was " + code(before));
                default -> {
                    if (!Objects.equals(before, after)) {
                        parts.add("`" + key + "`: " + code(before) + " → " + code(after));
                    }
                }
            }
        }
        change.reasons().forEach(reason -> parts.add("_" + escape(reason) + "_"));
        return String.join("<br>", parts);
    }

    private static String code(Object value) {
        return "`" + Values.show(value).replace("`", "'") + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String icon(Action action) {
        return switch (action) {
            case CREATE -> "➕";
            case UPDATE -> "✏️";
            case REPLACE -> "♻️";
            case DELETE -> "🗑️";
            case NOOP -> "";
        };
    }

    private static void notices(Plan plan, StringBuilder out) {
        if (!plan.notices().isEmpty()) {
            out.append('\n');
            plan.notices().forEach(n -> out.append("> ⚠️ ").append(escape(n)).append('\n'));
        }
    }
}
