package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DescribeLoadBalancerAttributes and ModifyLoadBalancerAttributes (reference 6.4). */
public final class AttributeActions {

    private static final Set<String> DESYNC_MODES = Set.of("monitor", "defensive", "strictest");

    /**
     * The groups a ModifyLoadBalancerAttributes request carries; null means "not sent, keep".
     * {@code drainingTimeout} may be null even when draining is sent.
     */
    public record Change(Boolean crossZone, AttributesState.AccessLog accessLog, Boolean drainingEnabled,
                         Integer drainingTimeout, Integer idleTimeout, List<PolicyAttribute> additional) {
    }

    private AttributeActions() {
    }

    public static AttributesState describe(World world, String loadBalancer) {
        return world.require(loadBalancer).attributes();
    }

    /** Changes only the groups present and returns the full resulting attributes. */
    public static Transition<AttributesState> modify(World world, String loadBalancer, Change change) {
        LoadBalancerState lb = world.require(loadBalancer);
        AttributesState now = lb.attributes();
        boolean crossZone = change.crossZone() == null ? now.crossZone() : change.crossZone();
        AttributesState.AccessLog accessLog = now.accessLog();
        if (change.accessLog() != null) {
            accessLog = checked(change.accessLog());
        }
        boolean draining = change.drainingEnabled() == null ? now.drainingEnabled() : change.drainingEnabled();
        int drainingTimeout = change.drainingTimeout() == null ? now.drainingTimeout() : change.drainingTimeout();
        range("ConnectionDraining.Timeout", drainingTimeout, 1, 3600);
        int idle = change.idleTimeout() == null ? now.idleTimeout() : change.idleTimeout();
        range("ConnectionSettings.IdleTimeout", idle, 1, 3600);
        List<PolicyAttribute> additional = new ArrayList<>(now.additional());
        if (change.additional() != null) {
            for (PolicyAttribute attribute : change.additional()) {
                if (!attribute.name().equals(AttributesState.DESYNC_MODE)) {
                    throw EngineError.ATTRIBUTE_NOT_FOUND.exception(attribute.name());
                }
                if (!DESYNC_MODES.contains(attribute.value())) {
                    throw EngineError.INVALID_ATTRIBUTE_VALUE.exception(attribute.name(), attribute.value());
                }
                additional.removeIf(a -> a.name().equals(attribute.name()));
                additional.add(attribute);
            }
        }
        AttributesState next = new AttributesState(crossZone, accessLog, draining, drainingTimeout, idle, additional);
        return new Transition<>(world.with(lb.withAttributes(next)), next);
    }

    /** S3's naming rules: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at both ends. */
    private static final java.util.regex.Pattern S3_BUCKET_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static AttributesState.AccessLog checked(AttributesState.AccessLog log) {
        if (log.emitInterval() != 5 && log.emitInterval() != 60) {
            throw EngineError.INVALID_ATTRIBUTE_VALUE.exception("AccessLog.EmitInterval", log.emitInterval());
        }
        if (log.enabled() && (log.s3BucketName() == null || log.s3BucketName().isEmpty())) {
            throw EngineError.INVALID_ATTRIBUTE_VALUE.exception("AccessLog.S3BucketName", "(missing)");
        }
        if (log.s3BucketName() != null && !log.s3BucketName().isEmpty() && !S3_BUCKET_NAME.matcher(log.s3BucketName()).matches()) {
            throw EngineError.INVALID_ATTRIBUTE_VALUE.exception("AccessLog.S3BucketName", log.s3BucketName());
        }
        return log;
    }

    private static void range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw EngineError.VALIDATION.exception(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
