package io.elbreconcile.it.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.elbreconcile.apply.ApplyReport;
import io.elbreconcile.apply.StepOutcome;
import io.elbreconcile.aws.CallTally;
import io.elbreconcile.cli.ApplyReportRun;
import io.elbreconcile.cli.view.ApplyReportJsonView;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code apply --report FILE}: what happened, per step, as data matching schemas/apply-report-v1.schema.json. */
@ExtendWith(EmulatorExtension.class)
class ApplyReportTest {

    @TempDir
    Path dir;

    private static JsonNode valid(String json) throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("schemas/apply-report-v1.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals(Set.of(), schema.validate(node), json);
        return node;
    }

    @Test
    void everyStepWithItsOutcomeAttemptsAndRequestIdAndWhatStaysHeldBack(EmulatorServer emulator) throws Exception {
        Path v1 = write(dir.resolve("v1"), "lbs.yaml", loadBalancer("gone", "", http(80, 8080)));
        assertEquals(0, apply(emulator, v1, "--stack", "shop").code());
        Path v2 = write(dir.resolve("v2"), "web.yaml", String.join("---\n", Harness.quickstart(60)));
        Path planFile = dir.resolve("plan.json");
        assertEquals(0, plan(emulator, v2, "--stack", "shop", "--out", planFile.toString()).code());
        Path reportFile = dir.resolve("report.json");

        Harness.Result applied = cli(concat(new String[] {"apply", planFile.toString(), "--stack", "shop", "--auto-approve", "--report",
                reportFile.toString()}, target(emulator)));

        assertEquals(2, applied.code(), "done, but the deletion of gone is held back:\n" + applied.both());
        JsonNode report = valid(Files.readString(reportFile));
        Plan plan = new PlanCodec().read(Files.readString(planFile), "plan.json");
        assertEquals(plan.steps().size(), report.get("steps").size());
        assertTrue(plan.steps().size() >= 3, plan.steps().toString());
        for (int i = 0; i < plan.steps().size(); i++) {
            JsonNode step = report.get("steps").get(i);
            assertEquals(plan.steps().get(i).id(), step.get("id").asText(), "plan order");
            assertEquals("done", step.get("outcome").asText());
            assertTrue(step.get("attempts").asInt() >= 1, step.toString());
            assertFalse(step.get("requestId").isNull(), "the emulator answers with a request id: " + step);
            assertTrue(step.get("error").isNull());
        }
        assertEquals("LoadBalancer/gone", report.at("/heldBack/0/address").asText());
        assertEquals("--allow-delete", report.at("/heldBack/0/needs").asText());
        assertEquals(plan.steps().size(), report.at("/summary/done").asInt());
        assertFalse(report.at("/summary/converged").asBoolean(), "held back: the target does not match yet");
        assertEquals(2, report.at("/summary/exitCode").asInt());
    }

    @Test
    void nothingToDoStillWritesAReport(EmulatorServer emulator) throws Exception {
        Path v1 = write(dir.resolve("v1"), "lbs.yaml", loadBalancer("web", "", http(80, 8080)));
        assertEquals(0, apply(emulator, v1).code());
        Path reportFile = dir.resolve("report.json");

        assertEquals(0, apply(emulator, v1, "--report", reportFile.toString()).code());

        JsonNode report = valid(Files.readString(reportFile));
        assertEquals(0, report.get("steps").size());
        assertTrue(report.at("/summary/converged").asBoolean());
        assertEquals(0, report.at("/summary/exitCode").asInt());
    }

    @Test
    void failedAndSkippedStepsCarryTheirErrorAndCode(EmulatorServer emulator) throws Exception {
        Path v1 = write(dir.resolve("v1"), "lbs.yaml", String.join("---\n", Harness.quickstart(60)));
        Plan plan;
        try (var port = Harness.port(emulator)) {
            plan = Harness.planWith(port, v1, io.elbreconcile.plan.PlanOptions.defaults());
        }
        var first = plan.steps().get(0);
        var second = plan.steps().get(1);
        ApplyReport outcome = new ApplyReport(List.of(
                new StepOutcome.Failed(first, Duration.ofMillis(12), "Throttling", "Rate exceeded", false, new CallTally(4, "req-1")),
                new StepOutcome.Skipped(second, first.id())), 3, Duration.ofMillis(40), null);

        JsonNode report = valid(new ApplyReportJsonView().render(plan, ApplyReportRun.of(outcome), Instant.parse("2026-01-02T03:04:05.6Z"), 1));

        assertEquals("2026-01-02T03:04:05Z", report.get("finishedAt").asText());
        JsonNode failed = report.get("steps").get(0);
        assertEquals("failed", failed.get("outcome").asText());
        assertEquals(4, failed.get("attempts").asInt());
        assertEquals("req-1", failed.get("requestId").asText());
        assertEquals("Throttling", failed.at("/error/code").asText());
        JsonNode skipped = report.get("steps").get(1);
        assertEquals("skipped", skipped.get("outcome").asText());
        assertEquals(0, skipped.get("attempts").asInt());
        assertEquals("blocked by " + first.id(), skipped.at("/error/message").asText());
        assertEquals(plan.steps().size() - 1, report.at("/summary/skipped").asInt(), "unrecorded steps count as skipped");
        assertEquals("the run ended before it", report.at("/steps/2/error/message").asText());
        assertEquals(1, report.at("/summary/failed").asInt());
    }
}
