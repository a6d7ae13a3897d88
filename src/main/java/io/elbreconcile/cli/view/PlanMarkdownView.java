package io.elbreconcile.cli.view;

import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan as a pull-request comment: a summary (counts, then one row per load balancer with
 * changes), then one collapsed section per load balancer. GitHub refuses a comment longer than
 * 65,536 characters and then posts nothing, so the whole is bounded by {@code maxChars}: the
 * summary always stays, details are cut between load balancers, and a last line says what was
 * left out and where the full plan is. Lengths count UTF-16 units, never fewer than GitHub's
 * characters, so a bounded comment is never refused.
 */
public final class PlanMarkdownView {

    /** Leaves room under GitHub's 65,536 for a heading a CI job may add. */
    public static final int DEFAULT_MAX_CHARS = 60_000;
    /** Below this not even a capped summary and the closing line fit. */
    public static final int MIN_MAX_CHARS = 2_000;
    static final int SUMMARY_ROWS = 200;

    private final int maxChars;
    private final Optional<String> fullPlan;

    /**
     * @param fullPlan where the whole plan can be read when details are left out (the {@code --out}
     *        file or the plan file shown); empty when it was not saved
     */
    public PlanMarkdownView(int maxChars, Optional<String> fullPlan) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("--max-chars must be at least " + MIN_MAX_CHARS + ", not " + maxChars);
        }
        this.maxChars = maxChars;
        this.fullPlan = fullPlan;
    }

    public PlanMarkdownView() {
        this(DEFAULT_MAX_CHARS, Optional.empty());
    }

    public String render(Plan plan) {
        StringBuilder head = new StringBuilder("### elb-reconcile plan\n\n");
        head.append("Target: `").append(Markdown.inlineCode(plan.target().endpoint())).append("` (`")
                .append(Markdown.inlineCode(plan.target().region())).append("`)\n\n");
        if (!plan.differs()) {
            head.append("**No changes.** The target matches the configuration.\n");
            notices(plan, head);
            return head.toString();
        }
        if (plan.hasChanges()) {
            head.append("**").append(PlanTextView.summaryLine(plan.summary())).append("**\n");
        } else {
            head.append("**No changes will be made,** but ").append(PlanTextView.heldBackClause(plan)).append(".\n");
        }
        List<MarkdownLoadBalancerSection> sections = sections(plan);
        // Room for the closing line at its longest (every load balancer's details left out).
        int closingReserve = leftOut(sections.size(), sections.size()).length() + 1;
        List<String> rows = sections.stream().map(MarkdownLoadBalancerSection::summaryRow).toList();
        int rowCap = Math.min(SUMMARY_ROWS, rows.size());
        String summary = summaryTable(rows, rowCap, plan);
        // A tiny --max-chars shortens the table rather than break the bound.
        while (head.length() + summary.length() + closingReserve > maxChars && rowCap > 0) {
            rowCap = Math.max(0, rowCap - Math.max(1, rowCap / 4));
            summary = summaryTable(rows, rowCap, plan);
        }
        StringBuilder out = head.append(summary);
        List<String> details = sections.stream().map(section -> section.details(true)).toList();
        int whole = out.length() + details.stream().mapToInt(d -> d.length() + 1).sum();
        if (whole > maxChars) {
            // The calls are most of a section (a zero-gap policy change is five per listener):
            // when not everything fits, the changes of more load balancers are worth more.
            details = sections.stream().map(section -> section.details(false)).toList();
        }
        int shown = 0;
        for (String section : details) {
            boolean fits = whole <= maxChars || out.length() + section.length() + 1 + closingReserve <= maxChars;
            if (!fits) {
                break;
            }
            out.append('\n').append(section);
            shown++;
        }
        if (shown < details.size()) {
            out.append('\n').append(leftOut(details.size() - shown, details.size()));
        }
        return out.toString();
    }

    private String summaryTable(List<String> rows, int rowCap, Plan plan) {
        StringBuilder out = new StringBuilder();
        notices(plan, out);
        out.append("\n| Load balancer | Changes | Source |\n|---|---|---|\n");
        rows.subList(0, rowCap).forEach(row -> out.append(row).append('\n'));
        if (rowCap < rows.size()) {
            out.append("\n… and ").append(rows.size() - rowCap).append(" more load balancer")
                    .append(rows.size() - rowCap == 1 ? "" : "s").append(" with changes.\n");
        }
        return out.toString();
    }

    private String leftOut(int omitted, int total) {
        String where = fullPlan.map(file -> "The full plan is in `" + Markdown.inlineCode(file)
                        + "`; read it with `elb-reconcile show " + Markdown.inlineCode(file) + "`.")
                .orElse("Save the full plan with `plan --out FILE` and read it with `elb-reconcile show FILE`.");
        return "> ✂️ **Details of " + omitted + " of " + total + " load balancer" + (total == 1 ? "" : "s")
                + " were left out** to keep this comment under " + maxChars + " characters. " + where + "\n";
    }

    /**
     * One section per load balancer with a change, in address order; each lists its calls with their
     * number in the whole plan (a bullet, not an ordered list: Markdown would renumber from 1).
     */
    private static List<MarkdownLoadBalancerSection> sections(Plan plan) {
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        for (Change change : plan.changes()) {
            if (change.action() != Action.NOOP) {
                changes.computeIfAbsent(change.address().loadBalancer(), lb -> new ArrayList<>()).add(change);
            }
        }
        Map<String, List<Integer>> callNumbers = new LinkedHashMap<>();
        List<Step> order = StepGraph.of(plan).executionOrder();
        for (int i = 0; i < order.size(); i++) {
            callNumbers.computeIfAbsent(order.get(i).address().loadBalancer(), lb -> new ArrayList<>()).add(i);
        }
        List<MarkdownLoadBalancerSection> sections = new ArrayList<>();
        changes.forEach((lb, list) -> sections.add(new MarkdownLoadBalancerSection(lb, list,
                callNumbers.getOrDefault(lb, List.of()).stream().map(i -> "- (" + (i + 1) + ") " + order.get(i).describe()).toList())));
        return sections;
    }

    private static void notices(Plan plan, StringBuilder out) {
        if (!plan.notices().isEmpty()) {
            out.append('\n');
            plan.notices().forEach(n -> out.append("> ⚠️ ").append(Markdown.text(n)).append('\n'));
        }
    }
}
