package io.elbreconcile.model;

/**
 * Load balancer attributes. In a desired state a null member is "not declared" and left alone;
 * in an observed state every member is filled.
 */
public record Attributes(
        Boolean crossZoneLoadBalancing,
        ConnectionDraining connectionDraining,
        Integer idleTimeout,
        AccessLog accessLog) {

    /** What AWS gives a load balancer created through the API (reference 6.4). */
    public static final Attributes AWS_DEFAULT =
            new Attributes(false, new ConnectionDraining(false, 300), 60, AccessLog.disabled());

    public static Attributes undeclared() {
        return new Attributes(null, null, null, null);
    }

    public boolean isEmpty() {
        return crossZoneLoadBalancing == null && connectionDraining == null && idleTimeout == null && accessLog == null;
    }
}
