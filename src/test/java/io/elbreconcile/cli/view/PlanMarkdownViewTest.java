package io.elbreconcile.cli.view;

import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.ReplaceStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Markdown plan stays a comment GitHub accepts at any fleet size, and stays well-formed. */
class PlanMarkdownViewTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);

    /** {@code count} load balancers, each in its own file, none existing yet. */
    private static Plan creating(int count) {
        SortedMap<String, DesiredLoadBalancer> lbs = new TreeMap<>();
        SortedMap<Address, SourceLocation> origins = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("web-%04d", i);
            lbs.put(name, lb(name, Map.of("team", "web")));
            origins.put(Address.loadBalancer(name), new SourceLocation("lbs/" + name + ".yaml", 3, 1));
        }
        return new Planner().plan(new DesiredState(lbs, List.of(), origins), ObservedState.empty(),
                new PlanOptions(Optional.empty(), false, ReplaceStrategy.ZERO_GAP), TARGET);
    }

    private static DesiredLoadBalancer lb(String name, Map<String, String> tags) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky"))),
                new HealthCheck("HTTP:8080/", 30, 5, 10, 2), null, new TreeMap<>(tags), false,
                List.of(new LbCookiePolicy("sticky", 120)));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void threeHundredLoadBalancersStayUnderTheBoundWithTheWholeSummaryAndClosedSections() {
        Plan plan = creating(300);
        String md = new PlanMarkdownView(PlanMarkdownView.DEFAULT_MAX_CHARS, Optional.of("plan.json")).render(plan);

        assertTrue(md.length() <= PlanMarkdownView.DEFAULT_MAX_CHARS, "length " + md.length());
        assertTrue(md.contains("**" + PlanTextView.summaryLine(plan.summary()) + "**"), "the counts stay");
        assertEquals(200, count(md, "\n| `web-"), "summary rows are capped at 200");
        assertTrue(md.contains("\n… and 100 more load balancers with changes.\n"), md.substring(0, 600));
        int opened = count(md, "<details>");
        assertEquals(opened, count(md, "</details>"), "every section is closed");
        assertTrue(opened > 10 && opened < 300, opened + " sections shown");
        // Cut at a load-balancer boundary: the shown sections are the first ones, in order, each complete.
        for (int i = 0; i < opened; i++) {
            assertTrue(md.contains(String.format("<summary><code>web-%04d</code>", i)), "section " + i);
        }
        String[] lines = md.split("\n");
        String last = lines[lines.length - 1];
        assertEquals("> ✂️ **Details of " + (300 - opened) + " of 300 load balancers were left out** to keep this comment"
                + " under 60000 characters. The full plan is in `plan.json`; read it with `elb-reconcile show plan.json`.", last);
        assertTrue(md.substring(0, md.length() - last.length() - 1).endsWith("</details>\n\n"), "the cut falls after a section");
        assertEquals(0, count(md, "\n- ("), "when not all fits, calls are counted, not listed, to show more changes");
        long callsPerLoadBalancer = plan.steps().stream().filter(s -> s.address().loadBalancer().equals("web-0000")).count();
        assertEquals(opened, count(md, "\n" + callsPerLoadBalancer + " API calls (listed in the full plan).\n"), "each section counts its calls");
    }

    @Test
    void aSmallMaxCharsShortensTheSummaryTableButKeepsTheBoundAndTheCounts() {
        Plan plan = creating(300);
        String md = new PlanMarkdownView(PlanMarkdownView.MIN_MAX_CHARS, Optional.empty()).render(plan);

        assertTrue(md.length() <= PlanMarkdownView.MIN_MAX_CHARS, "length " + md.length());
        assertTrue(md.contains(PlanTextView.summaryLine(plan.summary())));
        Matcher more = Pattern.compile("\n… and (\\d+) more load balancers with changes\\.\n").matcher(md);
        assertTrue(more.find(), md);
        assertEquals(300, count(md, "\n| `web-") + Integer.parseInt(more.group(1)), "shown rows plus the rest make the whole");
        assertEquals(count(md, "<details>"), count(md, "</details>"));
        assertTrue(md.endsWith("Save the full plan with `plan --out FILE` and read it with `elb-reconcile show FILE`.\n"), md);
    }

    @Test
    void aPlanThatFitsIsWholeWithOneSectionPerLoadBalancerAndItsSourceFile() {
        Plan plan = creating(3);
        String md = new PlanMarkdownView().render(plan);

        assertEquals(3, count(md, "<details>"));
        assertFalse(md.contains("left out"), md);
        assertTrue(md.contains("| `web-0001` | ➕ 6 create | `lbs/web-0001.yaml` |"), md);
        assertTrue(md.contains("| ➕ create | `LoadBalancer/web-0001` | "), md);
        assertTrue(md.contains(" | `lbs/web-0001.yaml:3` |\n"), md);
        assertEquals(plan.steps().size(), count(md, "\n- ("), "every call is listed once when the whole fits");
    }

    @Test
    void valuesFromOutsideCannotBreakTheTableOrOpenATag() {
        SortedMap<String, DesiredLoadBalancer> lbs = new TreeMap<>(Map.of("odd",
                lb("odd", Map.of("note", "a | b `c` <script>alert(1)</script>\nnext"))));
        Plan plan = new Planner().plan(new DesiredState(lbs, List.of(), new TreeMap<>()), ObservedState.empty(),
                new PlanOptions(Optional.empty(), false, ReplaceStrategy.ZERO_GAP), TARGET);
        String md = new PlanMarkdownView().render(plan);

        String[] spans = md.split("`", -1);
        for (int i = 0; i < spans.length; i += 2) {
            assertFalse(spans[i].contains("<script"), "HTML only ever inside a code span, where it is literal: " + spans[i]);
        }
        String tagsRow = md.lines().filter(l -> l.startsWith("| ➕ create | `Tags/odd`")).findFirst().orElseThrow();
        assertTrue(tagsRow.contains("`note` = `\"a \\| b 'c' <script>alert(1)</script>\\nnext\"`"), tagsRow);
        assertEquals(5, tagsRow.replace("\\|", "").chars().filter(c -> c == '|').count(), "four cells: " + tagsRow);
    }

    @Test
    void aHeldBackDeletionIsMarkedWithWhatItNeeds() {
        ObservedLoadBalancer old = new ObservedLoadBalancer("old", "old.elb", Scheme.INTERNAL, List.of("us-east-1a"), List.of(),
                List.of(), List.of(), List.of(), List.of(), HealthCheck.AWS_DEFAULT,
                new TreeMap<>(Map.of(io.elbreconcile.model.ReservedTags.STACK, "prod")), Attributes.AWS_DEFAULT);
        Plan plan = new Planner().plan(DesiredState.empty(), new ObservedState(new TreeMap<>(Map.of("old", old))),
                new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP), TARGET);
        String md = new PlanMarkdownView().render(plan);

        assertTrue(md.contains("**No changes will be made,** but the target differs from the configuration where a change"
                + " is held back."), md);
        assertTrue(md.contains("| `old` | 🗑️ 1 delete (held back) | — |"), md);
        assertTrue(md.contains("| 🗑️ delete (held back) | `LoadBalancer/old` | "), md);
        assertTrue(md.contains("⏸️ **held back: deletions are not allowed in this run (needs --allow-delete)**"), md);
    }

    @Test
    void aBoundTooSmallForTheSummaryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PlanMarkdownView(PlanMarkdownView.MIN_MAX_CHARS - 1, Optional.empty()));
    }
}
