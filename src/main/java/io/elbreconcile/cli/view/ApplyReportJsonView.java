package io.elbreconcile.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * {@code apply --report FILE}, documented by {@code schemas/apply-report-v1.schema.json}: every step
 * of the plan in plan order with its outcome, attempts, duration and AWS request id; what stays
 * held back; and a summary a merge job can act on without reading the log.
 */
public final class ApplyReportJsonView {

    public static final int FORMAT_VERSION = 1;

    /** What happened to one step, as the report shows it. */
    public record StepResult(String outcome, long attempts, long durationMs, String requestId, String errorCode,
                             String errorMessage) {
        public StepResult {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** One run of the applier; {@code abortReason} null unless it stopped starting steps. */
    public record Run(Map<String, StepResult> byStepId, long retries, long durationMs, String abortReason, boolean converged) {
        public Run {
            byStepId = Map.copyOf(byStepId);
        }
    }

    private static final StepResult NOT_REACHED = new StepResult("skipped", 0, 0, null, "Skipped", "the run ended before it");

    private final ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    /** @param run null when the plan had no step to run */
    public String render(Plan plan, Run run, Instant finishedAt, int exitCode) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("finishedAt", finishedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode target = root.putObject("target");
        target.put("endpoint", plan.target().endpoint());
        target.put("region", plan.target().region());
        target.put("account", plan.target().account());
        root.put("inputDigest", plan.inputDigest());
        Map<String, StepResult> results = run == null ? Map.of() : run.byStepId();
        ArrayNode steps = root.putArray("steps");
        int done = 0;
        int adopted = 0;
        int failed = 0;
        for (Step step : plan.steps()) {
            StepResult result = results.getOrDefault(step.id(), NOT_REACHED);
            done += result.outcome().equals("done") ? 1 : 0;
            adopted += result.outcome().equals("adopted") ? 1 : 0;
            failed += result.outcome().equals("failed") ? 1 : 0;
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            node.put("address", step.address().toString());
            node.put("operation", step.operation().awsOperation());
            node.put("outcome", result.outcome());
            node.put("attempts", result.attempts());
            node.put("durationMs", result.durationMs());
            node.put("requestId", result.requestId());
            if (result.errorCode() == null) {
                node.putNull("error");
            } else {
                node.putObject("error").put("code", result.errorCode()).put("message", result.errorMessage());
            }
        }
        ArrayNode heldBack = root.putArray("heldBack");
        for (Change change : plan.changes()) {
            change.heldBack().ifPresent(held -> heldBack.addObject().put("address", change.address().toString())
                    .put("action", change.action().wire()).put("reason", held.reason()).put("needs", held.needs()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("steps", plan.steps().size());
        summary.put("done", done);
        summary.put("adopted", adopted);
        summary.put("failed", failed);
        summary.put("skipped", plan.steps().size() - done - adopted - failed);
        summary.put("retries", run == null ? 0 : run.retries());
        summary.put("durationMs", run == null ? 0 : run.durationMs());
        summary.put("heldBack", plan.heldBack());
        summary.put("converged", (run == null || run.converged()) && plan.heldBack() == 0);
        summary.put("exitCode", exitCode);
        if (run != null && run.abortReason() != null) {
            summary.put("abortReason", run.abortReason());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an apply report always serialises", e);
        }
    }
}
