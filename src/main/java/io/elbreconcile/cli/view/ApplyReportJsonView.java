package io.elbreconcile.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code apply --report FILE}, documented by {@code schemas/apply-report-v1.schema.json}: every step
 * of the plan in plan order with its outcome, attempts, duration and AWS request id; what stays
 * held back; and a summary a merge job can act on without reading the log.
 */
public final class ApplyReportJsonView {

    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    /** @param report null when the plan had no step to run */
    public String render(Plan plan, ApplyReport report, Instant finishedAt, int exitCode) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("finishedAt", finishedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode target = root.putObject("target");
        target.put("endpoint", plan.target().endpoint());
        target.put("region", plan.target().region());
        target.put("account", plan.target().account());
        root.put("inputDigest", plan.inputDigest());
        Map<String, StepOutcome> outcomes = new HashMap<>();
        if (report != null) {
            report.outcomes().forEach(outcome -> outcomes.put(outcome.step().id(), outcome));
        }
        ArrayNode steps = root.putArray("steps");
        for (Step step : plan.steps()) {
            StepOutcome outcome = outcomes.get(step.id());
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            node.put("address", step.address().toString());
            node.put("operation", step.operation().awsOperation());
            if (outcome == null) {
                // Only when the run was cut short before recording it; the applier records every step otherwise.
                node.put("outcome", "skipped");
                node.put("attempts", 0);
                node.put("durationMs", 0);
                node.putNull("requestId");
                node.putNull("error");
                continue;
            }
            node.put("outcome", outcomeName(outcome));
            node.put("attempts", outcome.calls().attempts());
            node.put("durationMs", durationMs(outcome));
            node.put("requestId", outcome.calls().lastRequestId());
            node.set("error", error(outcome));
        }
        ArrayNode heldBack = root.putArray("heldBack");
        for (Change change : plan.changes()) {
            change.heldBack().ifPresent(held -> heldBack.addObject().put("address", change.address().toString())
                    .put("action", change.action().wire()).put("reason", held.reason()).put("needs", held.needs()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("steps", plan.steps().size());
        summary.put("done", report == null ? 0 : report.applied());
        summary.put("adopted", report == null ? 0 : report.adopted());
        summary.put("failed", report == null ? 0 : report.failures().size());
        summary.put("skipped", report == null ? 0 : plan.steps().size() - report.applied() - report.adopted() - report.failures().size());
        summary.put("retries", report == null ? 0 : report.retries());
        summary.put("durationMs", report == null ? 0 : report.elapsed().toMillis());
        summary.put("heldBack", plan.heldBack());
        summary.put("converged", (report == null || report.converged()) && plan.heldBack() == 0);
        summary.put("exitCode", exitCode);
        if (report != null && report.abortReason() != null) {
            summary.put("abortReason", report.abortReason());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an apply report always serialises", e);
        }
    }

    private static String outcomeName(StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Applied) {
            return "done";
        }
        if (outcome instanceof StepOutcome.Adopted) {
            return "adopted";
        }
        return outcome instanceof StepOutcome.Failed ? "failed" : "skipped";
    }

    private static long durationMs(StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Applied applied) {
            return applied.duration().toMillis();
        }
        if (outcome instanceof StepOutcome.Adopted adopted) {
            return adopted.duration().toMillis();
        }
        return outcome instanceof StepOutcome.Failed failed ? failed.duration().toMillis() : 0;
    }

    private ObjectNode error(StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Failed failed) {
            return mapper.createObjectNode().put("code", failed.code()).put("message", failed.message());
        }
        if (outcome instanceof StepOutcome.Skipped skipped) {
            return mapper.createObjectNode().put("code", "Skipped").put("message", "blocked by " + skipped.blockedBy());
        }
        return null;
    }
}
