package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.BackendAuthenticationPolicy;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.IgnoreChanges;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ProxyProtocolPolicy;
import io.elbreconcile.model.PublicKeyPolicy;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.SslNegotiationPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Schema-valid JSON trees → documents. The schema has already checked every type and range, so
 * this only maps, fills in the language's defaults and never reports problems itself.
 */
final class DocumentReader {

    SpecDocument read(YamlDocument document) {
        JsonNode tree = document.tree();
        String kind = tree.path("kind").asText();
        String name = tree.path("metadata").path("name").asText();
        JsonNode spec = tree.path("spec");
        return switch (kind) {
            case "LoadBalancer" -> new LoadBalancerDocument(document, loadBalancer(name, spec));
            case "LBCookieStickinessPolicy" -> policy(document, spec,
                    new LbCookiePolicy(name, spec.path("cookieExpirationPeriod").asLong(0)));
            case "AppCookieStickinessPolicy" -> policy(document, spec,
                    new AppCookiePolicy(name, spec.path("cookieName").asText()));
            case "Settings" -> new SettingsDocument(document, name,
                    new Settings(strings(spec.path("ignoreTags")).stream().map(Glob::new).toList(),
                            strings(spec.path("allowedSslPolicies")).stream().map(Glob::new).toList()));
            case "SSLNegotiationPolicy" -> policy(document, spec, sslNegotiation(name, spec));
            case "ProxyProtocolPolicy" -> policy(document, spec, ProxyProtocolPolicy.enabled(name));
            case "PublicKeyPolicy" -> policy(document, spec, new PublicKeyPolicy(name, spec.path("publicKey").asText()));
            case "BackendServerAuthenticationPolicy" -> policy(document, spec,
                    new BackendAuthenticationPolicy(name, strings(spec.path("publicKeyPolicies"))));
            case "Target" -> new TargetDocument(document, target(document, name, spec));
            default -> throw new IllegalStateException("the schema admits no kind '" + kind + "'");
        };
    }

    /** A reference with explicit fields as well is reported by the checks; the reference wins here. */
    private static SslNegotiationPolicy sslNegotiation(String name, JsonNode spec) {
        if (spec.hasNonNull("reference")) {
            return SslNegotiationPolicy.ofReference(name, spec.get("reference").asText());
        }
        return new SslNegotiationPolicy(name, null, strings(spec.path("protocols")), strings(spec.path("ciphers")),
                spec.path("serverOrderPreference").asBoolean(true));
    }

    private static io.elbreconcile.model.DeclaredTarget target(YamlDocument document, String name, JsonNode spec) {
        java.nio.file.Path parent = java.nio.file.Path.of(document.file()).getParent();
        return new io.elbreconcile.model.DeclaredTarget(name, spec.path("region").asText(), text(spec, "profile"),
                text(spec, "roleArn"), text(spec, "externalId"), text(spec, "endpointUrl"),
                parent == null ? "." : parent.toString(), document.locations().document());
    }

    private static String text(JsonNode spec, String field) {
        return spec.hasNonNull(field) ? spec.get(field).asText() : null;
    }

    private static PolicyDocument policy(YamlDocument document, JsonNode spec, ManagedPolicy policy) {
        List<Integer> ports = new ArrayList<>();
        spec.path("listenerPorts").forEach(port -> ports.add(port.asInt()));
        boolean attachFields = spec.has("listenerPorts") || spec.has("ensure");
        boolean present = !"absent".equals(spec.path("ensure").asText("present"));
        return new PolicyDocument(document, spec.path("loadBalancer").asText(), policy, ports, attachFields, present);
    }

    private static DesiredLoadBalancer loadBalancer(String name, JsonNode spec) {
        List<Listener> listeners = new ArrayList<>();
        for (JsonNode listener : spec.path("listeners")) {
            // The SSL negotiation policy goes first, where AWS puts its default one.
            List<String> policies = new ArrayList<>();
            if (listener.hasNonNull("sslPolicy")) {
                policies.add(listener.get("sslPolicy").asText());
            }
            listener.path("policies").forEach(p -> policies.add(p.asText()));
            JsonNode certificate = listener.path("sslCertificateId");
            listeners.add(new Listener(
                    Protocol.parse(listener.path("protocol").asText()),
                    listener.path("loadBalancerPort").asInt(),
                    Protocol.parse(listener.path("instanceProtocol").asText()),
                    listener.path("instancePort").asInt(),
                    certificate.isTextual() ? certificate.asText() : null,
                    policies));
        }
        TreeMap<String, String> tags = new TreeMap<>();
        spec.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return new DesiredLoadBalancer(
                name,
                Scheme.fromWire(spec.path("scheme").asText(Scheme.INTERNET_FACING.wire())),
                strings(spec.path("availabilityZones")),
                strings(spec.path("subnets")),
                strings(spec.path("securityGroups")),
                listeners,
                healthCheck(spec.get("healthCheck")),
                attributes(spec.get("attributes")),
                tags,
                spec.path("protect").asBoolean(false),
                List.of(),
                IgnoreChanges.of(strings(spec.path("ignoreChanges"))),
                spec.has("backendServers") ? backendServers(spec.get("backendServers")) : null);
    }

    /** A repeated instance port is reported by the checks; the first entry wins here. */
    private static List<BackendServer> backendServers(JsonNode servers) {
        java.util.Map<Integer, BackendServer> byPort = new java.util.LinkedHashMap<>();
        for (JsonNode server : servers) {
            int port = server.path("instancePort").asInt();
            byPort.putIfAbsent(port, new BackendServer(port, strings(server.path("policies"))));
        }
        return List.copyOf(byPort.values());
    }

    private static HealthCheck healthCheck(JsonNode check) {
        if (check == null || check.isNull()) {
            return null;
        }
        HealthCheck defaults = HealthCheck.AWS_DEFAULT;
        return new HealthCheck(
                check.path("target").asText(),
                check.path("interval").asInt(defaults.interval()),
                check.path("timeout").asInt(defaults.timeout()),
                check.path("healthyThreshold").asInt(defaults.healthyThreshold()),
                check.path("unhealthyThreshold").asInt(defaults.unhealthyThreshold()));
    }

    private static Attributes attributes(JsonNode attributes) {
        if (attributes == null || attributes.isNull()) {
            return Attributes.undeclared();
        }
        JsonNode draining = attributes.get("connectionDraining");
        JsonNode log = attributes.get("accessLog");
        return new Attributes(
                attributes.has("crossZoneLoadBalancing") ? attributes.get("crossZoneLoadBalancing").asBoolean() : null,
                draining == null ? null : new ConnectionDraining(draining.path("enabled").asBoolean(),
                        draining.path("timeout").asInt(Attributes.AWS_DEFAULT.connectionDraining().timeout())),
                attributes.has("idleTimeout") ? attributes.get("idleTimeout").asInt() : null,
                log == null ? null : accessLog(log));
    }

    private static AccessLog accessLog(JsonNode log) {
        if (!log.path("enabled").asBoolean()) {
            return AccessLog.disabled();
        }
        return new AccessLog(true, log.path("s3BucketName").asText(),
                log.path("emitInterval").asInt(60), log.has("s3BucketPrefix") ? log.get("s3BucketPrefix").asText() : null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
