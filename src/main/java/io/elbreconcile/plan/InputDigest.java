package io.elbreconcile.plan;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.PolicyAttachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The digest a plan records of the desired state it was made from. It hashes a canonical text
 * whose names are spelled here, in the YAML language's own words, and never derived from Java
 * names: renaming a record component must not change the digest of every saved plan. Where the
 * records were read from (source locations) is not part of the input's meaning and is left out.
 */
final class InputDigest {

    private InputDigest() {
    }

    static String of(DesiredState desired) {
        SortedMap<String, Object> root = new TreeMap<>();
        List<Object> loadBalancers = new ArrayList<>();
        desired.loadBalancers().values().forEach(lb -> loadBalancers.add(loadBalancer(lb)));
        root.put("loadBalancers", loadBalancers);
        List<Object> attachments = new ArrayList<>();
        desired.attachments().forEach(a -> attachments.add(attachment(a)));
        root.put("attachments", attachments);
        // Written only when used, so that the digests of inputs without them stay as they were.
        if (!desired.settings().ignoreTags().isEmpty()) {
            root.put("settings", new TreeMap<String, Object>(Map.of("ignoreTags",
                    desired.settings().ignoreTags().stream().map(Object::toString).toList())));
        }
        StringBuilder text = new StringBuilder();
        write(root, text);
        return Fingerprints.sha256(text.toString());
    }

    private static SortedMap<String, Object> loadBalancer(DesiredLoadBalancer lb) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("name", lb.name());
        out.put("scheme", lb.scheme().wire());
        out.put("availabilityZones", List.copyOf(lb.availabilityZones()));
        out.put("subnets", List.copyOf(lb.subnets()));
        out.put("securityGroups", List.copyOf(lb.securityGroups()));
        List<Object> listeners = new ArrayList<>();
        lb.listeners().forEach(l -> listeners.add(listener(l)));
        out.put("listeners", listeners);
        out.put("healthCheck", lb.healthCheck() == null ? null : healthCheck(lb.healthCheck()));
        out.put("attributes", attributes(lb.attributes()));
        out.put("tags", new TreeMap<String, Object>(lb.tags()));
        out.put("protect", lb.protect());
        List<Object> policies = new ArrayList<>();
        lb.policies().forEach(p -> policies.add(policy(p)));
        out.put("policies", policies);
        if (!lb.ignoreChanges().isEmpty()) {
            out.put("ignoreChanges", List.copyOf(lb.ignoreChanges().paths()));
        }
        if (lb.declaresBackendServers()) {
            // Only when declared, so the digests of inputs without the field stay what they were.
            List<Object> servers = new ArrayList<>();
            lb.backendServers().forEach(b -> servers.add(new TreeMap<String, Object>(Map.of(
                    "instancePort", (long) b.instancePort(), "policies", List.copyOf(b.policyNames())))));
            out.put("backendServers", servers);
        }
        return out;
    }

    private static SortedMap<String, Object> listener(Listener listener) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("protocol", listener.protocol().name());
        out.put("port", (long) listener.loadBalancerPort());
        out.put("instanceProtocol", listener.instanceProtocol().name());
        out.put("instancePort", (long) listener.instancePort());
        out.put("certificate", listener.sslCertificateId());
        out.put("policies", List.copyOf(listener.policyNames()));
        return out;
    }

    private static SortedMap<String, Object> healthCheck(HealthCheck check) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("target", check.target());
        out.put("interval", (long) check.interval());
        out.put("timeout", (long) check.timeout());
        out.put("healthyThreshold", (long) check.healthyThreshold());
        out.put("unhealthyThreshold", (long) check.unhealthyThreshold());
        return out;
    }

    private static SortedMap<String, Object> attributes(Attributes attributes) {
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

    private static SortedMap<String, Object> policy(ManagedPolicy policy) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("kind", policy.kind().documentKind());
        out.put("name", policy.name());
        out.putAll(Properties.policySettings(policy));
        return out;
    }

    private static SortedMap<String, Object> attachment(PolicyAttachment attachment) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("loadBalancer", attachment.loadBalancer());
        out.put("policy", policy(attachment.policy()));
        out.put("listenerPorts", attachment.listenerPorts().stream().map(Integer::longValue).map(Object.class::cast).toList());
        out.put("present", attachment.present());
        return out;
    }

    /** JSON-shaped and unambiguous: keys sorted, strings quoted and escaped, null spelled out. */
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
