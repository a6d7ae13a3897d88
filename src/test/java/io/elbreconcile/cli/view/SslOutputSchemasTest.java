package io.elbreconcile.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.elbreconcile.drift.DriftDetector;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans and drift reports about SSL negotiation policies match the published JSON Schemas. */
class SslOutputSchemasTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/x";

    private static JsonSchema schema(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Listener https(String policy) {
        return new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, CERT, List.of(policy));
    }

    private static DesiredState desired() {
        DesiredLoadBalancer lb = new DesiredLoadBalancer("shop", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(https("tls")), null, null, new TreeMap<>(), false,
                List.<ManagedPolicy>of(new SslNegotiationPolicy("tls", null, List.of("TLSv1.2"), List.of("AES128-SHA"), true)));
        return new DesiredState(new TreeMap<>(Map.of("shop", lb)), List.of(), new TreeMap<>());
    }

    private static ObservedState observed() {
        ObservedLoadBalancer lb = new ObservedLoadBalancer("shop", "shop.elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), List.of(https("tls")), List.of(SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-2016-08")),
                List.of("ELBSecurityPolicy-2016-08"), HealthCheck.AWS_DEFAULT, new TreeMap<>(), Attributes.AWS_DEFAULT);
        return new ObservedState(new TreeMap<>(Map.of("shop", lb)));
    }

    @Test
    void aPlanReplacingAnSslPolicyMatchesThePlanSchema() throws Exception {
        var plan = new Planner().plan(desired(), observed(), PlanOptions.defaults(), TARGET);
        String text = new PlanCodec().write(plan);
        JsonNode json = new ObjectMapper().readTree(text);
        assertTrue(text.contains("\"CreateLoadBalancerPolicy\"") && text.contains("SSLNegotiationPolicy/shop/tls"), text);
        assertEquals(java.util.Set.of(), schema("plan-v1.schema.json").validate(json));
        assertEquals(plan, new PlanCodec().read(text, "plan.json"), "the plan file reads back to the same plan");
    }

    @Test
    void aDriftReportAboutAnSslPolicyMatchesTheDriftSchema() throws Exception {
        var report = new DriftDetector(java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC))
                .detect(desired(), observed(), Optional.empty(), TARGET);
        assertEquals(1, report.differences().size(), report.differences().toString());
        JsonNode json = new ObjectMapper().readTree(new DriftJsonView().render(report));
        assertEquals(java.util.Set.of(), schema("drift-v1.schema.json").validate(json));
    }
}
