package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.engine.AttributeActions;
import io.elbreconcile.emulator.engine.AttributesState;
import io.elbreconcile.emulator.engine.PolicyAttribute;
import io.elbreconcile.emulator.http.Query;

import java.util.List;

/** Decodes the {@code LoadBalancerAttributes.*} structure of ModifyLoadBalancerAttributes. */
final class Attributes {
    static final String PREFIX = "LoadBalancerAttributes.";
    private static final java.util.Set<String> GROUPS = java.util.Set.of("CrossZoneLoadBalancing", "AccessLog",
            "ConnectionDraining", "ConnectionSettings", "AdditionalAttributes");

    private Attributes() {
    }

    static AttributeActions.Change change(Query query, AttributesState current) {
        for (String name : query.parameters().keySet()) {
            if (name.startsWith(PREFIX)) {
                String group = name.substring(PREFIX.length()).split("\\.", 2)[0];
                if (!GROUPS.contains(group)) {
                    throw io.elbreconcile.emulator.engine.EngineError.ATTRIBUTE_NOT_FOUND.exception(group);
                }
            }
        }
        Boolean crossZone = query.present(PREFIX + "CrossZoneLoadBalancing")
                ? requiredBoolean(query, PREFIX + "CrossZoneLoadBalancing.Enabled") : null;
        AttributesState.AccessLog accessLog = null;
        if (query.present(PREFIX + "AccessLog")) {
            String p = PREFIX + "AccessLog.";
            Integer interval = query.optionalInt(p + "EmitInterval");
            accessLog = new AttributesState.AccessLog(requiredBoolean(query, p + "Enabled"),
                    query.optional(p + "S3BucketName"),
                    interval == null ? current.accessLog().emitInterval() : interval,
                    query.optional(p + "S3BucketPrefix"));
        }
        Boolean draining = null;
        Integer drainingTimeout = null;
        if (query.present(PREFIX + "ConnectionDraining")) {
            draining = requiredBoolean(query, PREFIX + "ConnectionDraining.Enabled");
            drainingTimeout = query.optionalInt(PREFIX + "ConnectionDraining.Timeout");
        }
        Integer idle = query.present(PREFIX + "ConnectionSettings")
                ? (Integer) query.requiredInt(PREFIX + "ConnectionSettings.IdleTimeout") : null;
        List<PolicyAttribute> additional = null;
        if (query.present(PREFIX + "AdditionalAttributes")) {
            additional = query.structList(PREFIX + "AdditionalAttributes").stream()
                    .map(m -> new PolicyAttribute(m.required("Key"),
                            java.util.Objects.requireNonNullElse(m.optional("Value"), "")))
                    .toList();
        }
        return new AttributeActions.Change(crossZone, accessLog, draining, drainingTimeout, idle, additional);
    }

    private static boolean requiredBoolean(Query query, String name) {
        Boolean value = query.optionalBoolean(name);
        if (value == null) {
            throw io.elbreconcile.emulator.engine.EngineError.MISSING_PARAMETER.exception(name);
        }
        return value;
    }
}
