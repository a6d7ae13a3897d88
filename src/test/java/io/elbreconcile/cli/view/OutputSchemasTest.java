package io.elbreconcile.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.elbreconcile.drift.DriftDetector;
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
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.ReplaceStrategy;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine-readable outputs match the JSON Schemas published in schemas/. */
class OutputSchemasTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);

    private static JsonSchema schema(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static DesiredState desired() {
        DesiredLoadBalancer lb = new DesiredLoadBalancer("web", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky"))),
                new HealthCheck("HTTP:8080/", 30, 5, 10, 2), null, new TreeMap<>(Map.of("team", "web")), false,
                List.of(new LbCookiePolicy("sticky", 120)));
        return new DesiredState(new TreeMap<>(Map.of("web", lb)), List.of(), new TreeMap<>());
    }

    private static ObservedState observed() {
        ObservedLoadBalancer lb = new ObservedLoadBalancer("web", "web.elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of("sticky"))),
                List.of(new LbCookiePolicy("sticky", 60), new LbCookiePolicy("stray", 1)), List.of(), HealthCheck.AWS_DEFAULT,
                new TreeMap<>(Map.of("elb-reconcile:stack", "prod")), Attributes.AWS_DEFAULT);
        ObservedLoadBalancer old = new ObservedLoadBalancer("old", "old.elb", Scheme.INTERNAL, List.of("us-east-1a"), List.of(),
                List.of(), List.of(), List.of(), List.of(), HealthCheck.AWS_DEFAULT,
                new TreeMap<>(Map.of("elb-reconcile:stack", "prod")), null);
        return new ObservedState(new TreeMap<>(Map.of("web", lb, "old", old)));
    }

    @Test
    void planJsonMatchesItsSchema() throws Exception {
        var plan = new Planner().plan(desired(), observed(), new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP), TARGET);
        JsonNode json = new ObjectMapper().readTree(new PlanCodec().write(plan));
        assertFalse(plan.steps().isEmpty());
        Set<ValidationMessage> errors = schema("plan-v1.schema.json").validate(json);
        assertEquals(Set.of(), errors);
    }

    @Test
    void aPlanWithCausesAndHeldBackMatchesItsSchemaAndReadsBackEqual() throws Exception {
        var options = new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP);
        var plan = new Planner().plan(desired(), observed(), options, TARGET);
        var withCauses = new io.elbreconcile.plan.Baseline().attribute(plan, desired(), desired(), observed());
        assertFalse(withCauses.changes().stream().allMatch(c -> c.causes().isEmpty()), "something is attributed");
        assertTrue(withCauses.changes().stream().anyMatch(io.elbreconcile.plan.Change::isHeldBack));
        String written = new PlanCodec().write(withCauses);
        assertEquals(Set.of(), schema("plan-v1.schema.json").validate(new ObjectMapper().readTree(written)));
        assertEquals(withCauses, new PlanCodec().read(written, "plan.json"));
    }

    @Test
    void aSavedSignedPlanMatchesTheSchemaToo() throws Exception {
        var plan = new Planner().plan(desired(), observed(), new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP), TARGET);
        String saved = new PlanCodec().writeSaved(plan,
                List.of(new io.elbreconcile.model.InputText("lb.yaml", "apiVersion: elb-reconcile/v1\n")), "secret");
        JsonNode json = new ObjectMapper().readTree(saved);
        assertTrue(json.has("desiredState") && json.has("mac"), saved);
        assertEquals(Set.of(), schema("plan-v1.schema.json").validate(json));
    }

    @Test
    void driftJsonMatchesItsSchema() throws Exception {
        var report = new DriftDetector(java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05.678Z"), java.time.ZoneOffset.UTC)).detect(desired(), observed(), Optional.of("prod"), TARGET);
        assertEquals(5, report.differences().size(), report.differences().toString());
        JsonNode json = new ObjectMapper().readTree(new DriftJsonView().render(report));
        assertEquals(Set.of(), schema("drift-v1.schema.json").validate(json));
    }
}
