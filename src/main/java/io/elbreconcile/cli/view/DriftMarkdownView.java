package io.elbreconcile.cli.view;

import io.elbreconcile.drift.Difference;
import io.elbreconcile.drift.DriftKind;
import io.elbreconcile.drift.DriftReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Drift for an issue or a chat message: the summary, then one table row per difference with what
 * AWS has, what Git declares and the declaring {@code file:line}. Bounded like the Markdown plan,
 * rows cut at the end with a line saying how many were left out.
 */
public final class DriftMarkdownView {

    private final int maxChars;

    public DriftMarkdownView(int maxChars) {
        this.maxChars = maxChars;
    }

    public DriftMarkdownView() {
        this(PlanMarkdownView.DEFAULT_MAX_CHARS);
    }

    public String render(DriftReport report) {
        StringBuilder out = new StringBuilder("### elb-reconcile drift\n\n");
        out.append("Target: `").append(Markdown.inlineCode(report.target().endpoint())).append("` (`")
                .append(Markdown.inlineCode(report.target().region())).append("`), compared at ")
                .append(report.generatedAt()).append("\n\n");
        if (!report.hasDrift()) {
            return out.append("**No drift.** ").append(report.resourcesChecked()).append(" resources match.\n").toString();
        }
        out.append("**").append(Markdown.text(DriftTextView.summary(report))).append("**\n\n");
        out.append("| Kind | Address | Live (AWS) → Git | Source |\n|---|---|---|---|\n");
        List<Difference> differences = report.differences();
        String closingAtMost = leftOut(differences.size());
        int shown = 0;
        for (Difference difference : differences) {
            String row = row(difference);
            if (out.length() + row.length() + closingAtMost.length() > maxChars) {
                break;
            }
            out.append(row);
            shown++;
        }
        if (shown < differences.size()) {
            out.append('\n').append(leftOut(differences.size() - shown));
        }
        return out.toString();
    }

    private static String leftOut(int count) {
        return "> ✂️ **" + count + " more difference" + (count == 1 ? "" : "s")
                + " left out** to keep this message short; `drift --format json` lists them all.\n";
    }

    private static String row(Difference difference) {
        return "| " + difference.kind().wire() + " | `" + Markdown.inlineCode(difference.address().toString()) + "` | "
                + what(difference) + " | " + difference.source().map(s -> "`" + Markdown.inlineCode(s) + "`").orElse("—") + " |\n";
    }

    private static String what(Difference difference) {
        TreeSet<String> keys = new TreeSet<>(difference.before().keySet());
        keys.addAll(difference.after().keySet());
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            Object live = difference.before().get(key);
            Object git = difference.after().get(key);
            String name = "`" + Markdown.inlineCode(key) + "`";
            if (difference.kind() == DriftKind.MISSING) {
                parts.add(name + " = " + Markdown.value(git));
            } else if (difference.kind() == DriftKind.ORPHAN || difference.kind() == DriftKind.UNMANAGED
                    || difference.kind() == DriftKind.NONCOMPLIANT) {
                parts.add(name + " = " + Markdown.value(live));
            } else if (!Objects.equals(live, git)) {
                parts.add(name + ": " + Markdown.value(live) + " → " + Markdown.value(git));
            }
        }
        if (!difference.detail().isEmpty()) {
            parts.add("_" + Markdown.text(difference.detail()) + "_");
        }
        return String.join("<br>", parts);
    }
}
