package io.elbreconcile.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.elbreconcile.drift.DriftDetector;
import io.elbreconcile.drift.DriftKind;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.model.Target;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The noncompliant drift kind in the drift report's schema and its three views, offline. */
class DriftNoncompliantViewTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);
    private static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/x";

    private static DriftReport report(List<String> livePolicyNames, List<String> otherPolicies) {
        SslNegotiationPolicy tls = SslNegotiationPolicy.ofReference("tls", "ELBSecurityPolicy-TLS-1-2-2017-01");
        DesiredLoadBalancer lb = new DesiredLoadBalancer("web", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, CERT, List.of("tls"))),
                null, null, new TreeMap<>(), false, List.of(tls));
        DesiredState desired = new DesiredState(new TreeMap<>(Map.of("web", lb)), List.of(), new TreeMap<>(),
                new Settings(List.of(), List.of(new Glob("ELBSecurityPolicy-TLS-1-2-*"))));
        ObservedLoadBalancer live = new ObservedLoadBalancer("web", "web.elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), List.of(new Listener(Protocol.HTTPS, 443, Protocol.HTTP, 8080, CERT, livePolicyNames)),
                List.of(tls), otherPolicies, HealthCheck.AWS_DEFAULT, new TreeMap<>(), Attributes.AWS_DEFAULT);
        return new DriftDetector(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .detect(desired, ObservedState.of(Map.of("web", live)), Optional.empty(), TARGET);
    }

    @Test
    void aListenerOnAwsDefaultIsNoncompliantInEveryView() throws Exception {
        DriftReport report = report(List.of("ELBSecurityPolicy-2016-08"), List.of("ELBSecurityPolicy-2016-08"));

        JsonNode json = new ObjectMapper().readTree(new DriftJsonView().render(report));
        assertEquals(Set.of(), schema().validate(json), json::toPrettyString);
        assertEquals(1, json.path("summary").path("noncompliant").asInt());
        assertTrue(new DriftTextView().render(report).contains("noncompliant Listener/web/443  securityPolicy: \"ELBSecurityPolicy-2016-08\""));
        assertTrue(new DriftMarkdownView().render(report).contains("| noncompliant | `Listener/web/443` |"));
        assertTrue(DriftTextView.summary(report).contains("1 noncompliant"), DriftTextView.summary(report));
    }

    /** The address column lines up when a noncompliant line (the longest kind) is among others. */
    @Test
    void addressesLineUpBesideNoncompliant() {
        DriftReport report = report(List.of("ELBSecurityPolicy-2016-08"), List.of("ELBSecurityPolicy-2016-08"));
        List<String> lines = new DriftTextView().render(report).lines().filter(l -> !l.startsWith("Drift:")).toList();

        assertEquals(List.of("detached", "noncompliant"), lines.stream().map(l -> l.split(" ")[0]).sorted().toList(), lines.toString());
        Set<Integer> columns = new java.util.HashSet<>();
        lines.forEach(l -> columns.add(l.indexOf("Listener")));
        assertEquals(Set.of("noncompliant".length() + 1), columns, lines.toString());
    }

    @Test
    void theDeclaredPolicyOnTheListenerIsCompliant() {
        DriftReport report = report(List.of("tls"), List.of("ELBSecurityPolicy-2016-08"));

        assertEquals(List.of(), report.differences(), "the AWS default the load balancer still carries is on no listener");
    }

    /** The schema's kinds and summary counts are exactly DriftKind's: a new kind cannot ship undocumented. */
    @Test
    void theDriftSchemaNamesEveryKind() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(Path.of("schemas/drift-v1.schema.json").toFile());
        List<String> kinds = Arrays.stream(DriftKind.values()).map(DriftKind::wire).toList();
        List<String> enumerated = new ArrayList<>();
        tree.at("/properties/differences/items/properties/kind/enum").forEach(k -> enumerated.add(k.asText()));
        assertEquals(Set.copyOf(kinds), Set.copyOf(enumerated));
        List<String> required = new ArrayList<>();
        tree.at("/properties/summary/required").forEach(k -> required.add(k.asText()));
        assertTrue(required.containsAll(kinds), required.toString());
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", "drift-v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
