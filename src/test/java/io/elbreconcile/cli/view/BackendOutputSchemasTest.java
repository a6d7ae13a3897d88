package io.elbreconcile.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.elbreconcile.drift.DriftDetector;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.IgnoreChanges;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.testing.PublicKeys;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans and drift reports about back-end policies match the published JSON Schemas and show in text and Markdown. */
class BackendOutputSchemasTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);
    private static final List<Listener> LISTENERS = List.of(new Listener(Protocol.TCP, 80, Protocol.TCP, 8080, null, List.of()),
            new Listener(Protocol.SSL, 443, Protocol.SSL, 8443, "arn:aws:acm:us-east-1:123456789012:certificate/x", List.of()));
    private static final List<BackendServer> SERVERS = List.of(new BackendServer(8080, List.of("proxy")),
            new BackendServer(8443, List.of("auth")));

    private static JsonSchema schema(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static List<ManagedPolicy> policies(String key) {
        return List.of(ProxyProtocolPolicy.enabled("proxy"), new PublicKeyPolicy("key", key),
                new BackendAuthenticationPolicy("auth", List.of("key")));
    }

    private static DesiredState desired() {
        DesiredLoadBalancer lb = new DesiredLoadBalancer("shop", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                LISTENERS, null, null, new TreeMap<>(), false, policies(PublicKeys.SECOND), IgnoreChanges.none(), SERVERS);
        return new DesiredState(new TreeMap<>(Map.of("shop", lb)), List.of(), new TreeMap<>());
    }

    /** The key is the old one, and instance port 8080 lost its proxy protocol policy. */
    private static ObservedState observed() {
        ObservedLoadBalancer lb = new ObservedLoadBalancer("shop", "shop.elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), LISTENERS, policies(PublicKeys.FIRST), List.of(), HealthCheck.AWS_DEFAULT, new TreeMap<>(), Attributes.AWS_DEFAULT,
                List.of(new BackendServer(8443, List.of("auth"))));
        return new ObservedState(new TreeMap<>(Map.of("shop", lb)));
    }

    @Test
    void aPlanReplacingAKeyMatchesThePlanSchemaReadsBackAndShowsInTextAndMarkdown() throws Exception {
        Plan plan = new Planner().plan(desired(), observed(), PlanOptions.defaults(), TARGET);
        String text = new PlanCodec().write(plan);

        assertTrue(text.contains("\"SetLoadBalancerPoliciesForBackendServer\"") && text.contains("BackendServerPolicies/shop/8080")
                && text.contains("PublicKeyPolicy/shop/key") && text.contains("BackendServerAuthenticationPolicy/shop/auth"), text);
        assertEquals(Set.of(), schema("plan-v1.schema.json").validate(new ObjectMapper().readTree(text)));
        assertEquals(plan, new PlanCodec().read(text, "plan.json"), "the plan file reads back to the same plan");
        String human = new PlanTextView(Style.PLAIN).render(plan);
        assertTrue(human.contains("BackendServerPolicies/shop/8080") && human.contains("auth-elbr-tmp"), human);
        String markdown = new PlanMarkdownView().render(plan);
        assertTrue(markdown.contains("BackendServerPolicies/shop/8080"), markdown);
    }

    @Test
    void aDriftReportAboutAKeyAndAPortMatchesTheDriftSchema() throws Exception {
        var report = new DriftDetector(java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC))
                .detect(desired(), observed(), Optional.empty(), TARGET);
        assertEquals(List.of("BackendServerPolicies/shop/8080", "PublicKeyPolicy/shop/key"),
                report.differences().stream().map(d -> d.address().toString()).sorted().toList(), report.differences().toString());
        JsonNode json = new ObjectMapper().readTree(new DriftJsonView().render(report));
        assertEquals(Set.of(), schema("drift-v1.schema.json").validate(json));
    }
}
