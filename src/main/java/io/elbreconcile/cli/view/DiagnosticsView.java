package io.elbreconcile.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Diagnostics;


/**
 * Problems in the input for machines: GitHub Actions workflow commands (so each appears on the
 * pull request's line) or JSON. The text form stays the one-line-per-problem error output.
 */
public final class DiagnosticsView {

    private final ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    /** One {@code ::error file=F,line=L,col=C::message} line per problem. */
    public String github(Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic problem : diagnostics.items()) {
            out.append("::error file=").append(property(problem.location().file()));
            if (problem.location().line() > 0) {
                // Line 0 is a problem with the whole file (unreadable, not YAML...): annotate the file.
                out.append(",line=").append(problem.location().line()).append(",col=").append(problem.location().column());
            }
            out.append(",title=elb-reconcile::")
                    .append(data(problem.message() + problem.hint().map(h -> " (" + h + ")").orElse("")))
                    .append('\n');
        }
        return out.toString();
    }

    /** {@code {valid, problems: [{file, line, column, message, hint?}]}} (line and column 0: the whole file), plus the counts when valid. */
    public String json(Diagnostics diagnostics, ObjectNode counts) {
        ObjectNode root = mapper.createObjectNode();
        root.put("valid", diagnostics.isEmpty());
        ArrayNode problems = root.putArray("problems");
        for (Diagnostic problem : diagnostics.items()) {
            ObjectNode node = problems.addObject();
            node.put("file", problem.location().file());
            node.put("line", problem.location().line());
            node.put("column", problem.location().column());
            node.put("message", problem.message());
            problem.hint().ifPresent(hint -> node.put("hint", hint));
        }
        if (counts != null) {
            root.setAll(counts);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diagnostics always serialise", e);
        }
    }

    public ObjectNode counts(int files, int documents, int loadBalancers, long policies) {
        ObjectNode counts = mapper.createObjectNode();
        counts.put("files", files).put("documents", documents).put("loadBalancers", loadBalancers).put("policies", policies);
        return counts;
    }

    /**
     * The runner decodes these escapes; without them a message holding a line break or "::" would
     * end the command early, and a file name holding "," would start a property.
     */
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
