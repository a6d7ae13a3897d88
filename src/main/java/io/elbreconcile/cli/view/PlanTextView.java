package io.elbreconcile.cli.view;

import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Cause;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.HeldBack;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanSummary;
import io.elbreconcile.plan.Step;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** The plan for people: Terraform-like markers, the changed properties, then the calls in order. */
public final class PlanTextView {

    private final Style style;

    public PlanTextView(Style style) {
        this.style = style;
    }

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        List<Change> heldBack = plan.changes().stream().filter(Change::isHeldBack).toList();
        if (!plan.hasChanges()) {
            String checked = plan.changes().size() + (plan.changes().size() == 1 ? " resource" : " resources")
                    + " checked on " + plan.target().endpoint();
            if (heldBack.isEmpty()) {
                out.append(style.bold("No changes.")).append(" The target matches the configuration (").append(checked).append(").\n");
            } else {
                out.append(style.bold("No changes will be made,")).append(" but ").append(heldBackClause(plan))
                        .append(" (").append(checked).append("):\n\n");
                heldBack.forEach(change -> change(change, out));
            }
            notices(plan, out);
            return out.toString();
        }
        out.append("elb-reconcile will make these changes on ").append(plan.target().endpoint())
                .append(" (").append(plan.target().region()).append("):\n\n");
        for (Change change : plan.changes()) {
            if (change.action() != Action.NOOP) {
                change(change, out);
            }
        }
        out.append(style.bold("Calls, in order (" + plan.steps().size() + "):")).append('\n');
        List<Step> order = StepGraph.of(plan).executionOrder();
        int width = Integer.toString(order.size()).length();
        for (int i = 0; i < order.size(); i++) {
            out.append(String.format("  %" + width + "d. ", i + 1)).append(order.get(i).describe()).append('\n');
        }
        out.append('\n');
        notices(plan, out);
        out.append(summaryLine(plan.summary())).append('\n');
        return out.toString();
    }

    private void change(Change change, StringBuilder out) {
        String marker = change.action().marker();
        out.append(style.action(change.action(), String.format("%3s %s", marker, change.address())));
        out.append(style.dim("  (" + change.action().wire() + (change.isHeldBack() ? ", held back" : "") + ")")).append('\n');
        TreeSet<String> keys = new TreeSet<>(change.before().keySet());
        keys.addAll(change.after().keySet());
        int width = keys.stream().mapToInt(String::length).max().orElse(0);
        for (String key : keys) {
            Object before = change.before().get(key);
            Object after = change.after().get(key);
            String padded = String.format("%-" + width + "s", key);
            String line = switch (change.action()) {
                case CREATE -> padded + " = " + Values.show(after);
                case DELETE -> padded + " = " + Values.show(before);
                default -> Objects.equals(before, after) ? null
                        : padded + " : " + Values.show(before) + " -> " + Values.show(after);
            };
            if (line != null) {
                out.append("        ").append(line);
                causeNote(change, key).ifPresent(note -> out.append("  ").append(style.warn("# " + note)));
                out.append('\n');
            }
        }
        for (String reason : change.reasons()) {
            out.append("        ").append(style.dim("# " + reason)).append('\n');
        }
        change.heldBack().ifPresent(held -> out.append("        ").append(style.warn("! " + heldBackLine(held))).append('\n'));
        out.append('\n');
    }

    private void notices(Plan plan, StringBuilder out) {
        if (plan.notices().isEmpty()) {
            return;
        }
        for (String notice : plan.notices()) {
            out.append(style.warn("  ! " + notice)).append('\n');
        }
        out.append('\n');
    }

    /**
     * With {@code --baseline}: what a reviewer must know beyond the diff, i.e. that the value being
     * replaced is not the one in Git. Nothing for a property only this change touches.
     */
    static Optional<String> causeNote(Change change, String key) {
        Cause cause = change.causes().get(key);
        if (cause == null || cause == Cause.CHANGE) {
            return Optional.empty();
        }
        String live = Values.show(change.before().get(key));
        return Optional.of(cause == Cause.DRIFT
                ? "changed outside Git (live " + live + ", Git " + Values.show(change.after().get(key)) + ")"
                : "changed outside Git (live " + live + ") and by this change");
    }

    /** The one wording of a held-back change, for text and Markdown. */
    static String heldBackLine(HeldBack held) {
        return "held back: " + held.reason() + " (needs " + held.needs() + ")";
    }

    /** For a plan with nothing to do but something held back: how many differences it leaves. */
    static String heldBackClause(Plan plan) {
        return "the target differs from the configuration where "
                + (plan.heldBack() == 1 ? "a change is" : plan.heldBack() + " changes are") + " held back";
    }

    public static String summaryLine(PlanSummary summary) {
        StringBuilder line = new StringBuilder("Plan: ")
                .append(summary.create()).append(" to create, ")
                .append(summary.update()).append(" to update, ")
                .append(summary.replace()).append(" to replace, ")
                .append(summary.delete()).append(" to delete, ")
                .append(summary.noop()).append(" unchanged; ")
                .append(summary.steps()).append(summary.steps() == 1 ? " API call." : " API calls.");
        if (summary.heldBack() > 0) {
            line.append(' ').append(summary.heldBack()).append(" held back.");
        }
        return line.toString();
    }

}
