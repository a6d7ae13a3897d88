package io.elbreconcile.plan;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical text that digests hash ({@link InputDigest}, {@link Fingerprints}): JSON-shaped and
 * unambiguous, with names spelled in this package (the YAML language's words where it has them),
 * never derived from Java names, so that renaming a record component changes no digest of a saved plan.
 */
final class CanonicalText {

    private CanonicalText() {
    }

    /** Values are null, String, Long, Boolean, Map (keys sorted on writing) and List (order kept). */
    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    static SortedMap<String, Object> listener(Listener listener) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("protocol", listener.protocol().name());
        out.put("port", (long) listener.loadBalancerPort());
        out.put("instanceProtocol", listener.instanceProtocol().name());
        out.put("instancePort", (long) listener.instancePort());
        out.put("certificate", listener.sslCertificateId());
        out.put("policies", List.copyOf(listener.policyNames()));
        return out;
    }

    static SortedMap<String, Object> healthCheck(HealthCheck check) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("target", check.target());
        out.put("interval", (long) check.interval());
        out.put("timeout", (long) check.timeout());
        out.put("healthyThreshold", (long) check.healthyThreshold());
        out.put("unhealthyThreshold", (long) check.unhealthyThreshold());
        return out;
    }

    static SortedMap<String, Object> attributes(Attributes attributes) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("crossZoneLoadBalancing", attributes.crossZoneLoadBalancing());
        out.put("idleTimeout", attributes.idleTimeout() == null ? null : (long) attributes.idleTimeout());
        ConnectionDraining draining = attributes.connectionDraining();
        out.put("connectionDraining", draining == null ? null
                : Map.of("enabled", draining.enabled(), "timeout", (long) draining.timeout()));
        AccessLog log = attributes.accessLog();
        if (log == null) {
            out.put("accessLog", null);
        } else {
            SortedMap<String, Object> access = new TreeMap<>();
            access.put("enabled", log.enabled());
            access.put("s3BucketName", log.s3BucketName());
            access.put("s3BucketPrefix", log.s3BucketPrefix());
            access.put("emitInterval", log.emitInterval() == null ? null : (long) log.emitInterval());
            out.put("accessLog", access);
        }
        return out;
    }

    static SortedMap<String, Object> backendServer(BackendServer server) {
        return new TreeMap<>(Map.of("instancePort", (long) server.instancePort(),
                "policies", List.copyOf(server.policyNames())));
    }

    /** A policy with every setting, by the names its document uses. */
    static SortedMap<String, Object> policy(ManagedPolicy policy) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("kind", policy.kind().documentKind());
        out.put("name", policy.name());
        out.putAll(Properties.policySettings(policy));
        return out;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            out.append('"');
            text.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append((char) c);
                }
            });
            out.append('"');
        } else if (value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                out.append(separator);
                write(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getSimpleName());
        }
    }
}
