package io.elbreconcile.cli.view;

import io.elbreconcile.drift.Difference;
import io.elbreconcile.drift.DriftKind;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.ResourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Drift for a scheduled job's log: one line per difference (grep-able: kind, address, what), then
 * one summary line. Quiet when clean: nothing at all (the exit code 0 says it), so that a
 * scheduled job's log and mail stay empty until something moved.
 */
public final class DriftTextView {

    private static final int KIND_WIDTH = "unmanaged".length();

    public String render(DriftReport report) {
        if (!report.hasDrift()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        // The kind column is as wide as the longest kind present, at least 9 ("unmanaged"): reports
        // without the longer "noncompliant" keep their layout.
        int width = report.differences().stream().mapToInt(d -> d.kind().wire().length()).reduce(KIND_WIDTH, Math::max);
        for (Difference difference : report.differences()) {
            out.append(String.format("%-" + width + "s %s", difference.kind().wire(), difference.address()));
            String what = what(difference);
            if (!what.isEmpty()) {
                out.append("  ").append(what);
            }
            out.append('\n');
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    public static String summary(DriftReport report) {
        if (!report.hasDrift()) {
            return "No drift: " + report.resourcesChecked() + " resources match on " + report.target().endpoint() + "."
                    + ignoredNote(report);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<DriftKind, Integer> count : report.countsByKind().entrySet()) {
            if (count.getValue() > 0) {
                parts.add(count.getValue() + " " + count.getKey().wire());
            }
        }
        return "Drift: " + report.differences().size() + (report.differences().size() == 1 ? " difference (" : " differences (")
                + String.join(", ", parts) + ") on " + report.target().endpoint() + "." + ignoredNote(report);
    }

    /** Differences the ignore rules hid are no drift, but a reader should know they exist. */
    private static String ignoredNote(DriftReport report) {
        int count = report.ignored().size();
        return count == 0 ? "" : " " + count + (count == 1 ? " difference" : " differences") + " ignored by the ignore rules.";
    }

    private static String what(Difference difference) {
        TreeSet<String> keys = new TreeSet<>(difference.before().keySet());
        keys.addAll(difference.after().keySet());
        List<String> parts = new ArrayList<>();
        // A resource that is there but declared nowhere (a listener of a managed load balancer), or one an
        // allow list forbids: what is there and why it counts, not "(want (none))" after each of its fields.
        boolean undeclared = difference.kind() == DriftKind.CHANGED && difference.after().isEmpty()
                && !difference.before().isEmpty() && !difference.detail().isEmpty();
        if (undeclared || difference.kind() == DriftKind.NONCOMPLIANT) {
            difference.before().forEach((key, value) -> parts.add(key + ": " + Values.show(value)));
            parts.add(difference.detail());
        } else if (difference.kind() == DriftKind.CHANGED || difference.kind() == DriftKind.DETACHED) {
            for (String key : keys) {
                Object before = difference.before().get(key);
                Object after = difference.after().get(key);
                if (!Objects.equals(before, after)) {
                    parts.add(key + ": " + Values.show(before) + " (want " + Values.show(after) + ")");
                }
            }
        } else if (difference.address().kind() != ResourceKind.LOAD_BALANCER) {
            // What is there (orphan) or what Git wants (missing); a whole load balancer stays one short line,
            // and the type is already in the address.
            var values = difference.kind() == DriftKind.MISSING ? difference.after() : difference.before();
            values.forEach((key, value) -> {
                if (!key.equals("type")) {
                    parts.add(key + ": " + Values.show(value));
                }
            });
        }
        return String.join("; ", parts);
    }
}
