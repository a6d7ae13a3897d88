package io.elbreconcile.cli;

import io.elbreconcile.cli.view.PlanMarkdownView;
import io.elbreconcile.diag.UserFacingException;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --max-chars}: the bound on a Markdown plan, shared by {@code plan} and {@code show}. */
final class MarkdownOptions {

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + PlanMarkdownView.DEFAULT_MAX_CHARS,
            description = "Markdown only: keep the output under N characters (default ${DEFAULT-VALUE}; GitHub refuses"
                    + " comments over 65536). The summary stays; details are cut between load balancers.")
    int maxChars;

    /** Checked before anything is observed, so a bad bound costs no API call. */
    PlanMarkdownView view(Optional<String> fullPlan) {
        if (maxChars < PlanMarkdownView.MIN_MAX_CHARS) {
            throw new UserFacingException("--max-chars must be at least " + PlanMarkdownView.MIN_MAX_CHARS + ", not " + maxChars);
        }
        return new PlanMarkdownView(maxChars, fullPlan);
    }

    /**
     * A view for one of {@code parts} targets of one comment: each gets an equal share of the
     * bound, less room for its heading, so that the whole comment stays under it.
     */
    PlanMarkdownView share(int parts) {
        view(Optional.empty());
        return new PlanMarkdownView(Math.max(PlanMarkdownView.MIN_MAX_CHARS, maxChars / Math.max(1, parts) - HEADING_ROOM),
                Optional.empty());
    }

    /** A target's heading and the closing tally line, generously. */
    private static final int HEADING_ROOM = 300;
}
