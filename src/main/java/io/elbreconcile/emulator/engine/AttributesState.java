package io.elbreconcile.emulator.engine;

import java.util.List;
import java.util.Objects;

/**
 * Load balancer attributes. Defaults of an API-created load balancer (reference 6.4): cross-zone
 * off, access log off with a 60-minute interval, draining off with its timeout still reported as
 * 300, idle timeout 60, desync mitigation {@code defensive}.
 */
public record AttributesState(boolean crossZone, AccessLog accessLog, boolean drainingEnabled, int drainingTimeout,
                              int idleTimeout, List<PolicyAttribute> additional) {

    public static final String DESYNC_MODE = "elb.http.desyncmitigationmode";

    public static final AttributesState DEFAULT = new AttributesState(false, AccessLog.DEFAULT, false, 300, 60,
            List.of(new PolicyAttribute(DESYNC_MODE, "defensive")));

    public AttributesState {
        Objects.requireNonNull(accessLog, "accessLog");
        additional = List.copyOf(additional);
    }

    /** Access log settings; bucket and prefix are null until set. */
    public record AccessLog(boolean enabled, String s3BucketName, int emitInterval, String s3BucketPrefix) {
        public static final AccessLog DEFAULT = new AccessLog(false, null, 60, null);
    }
}
