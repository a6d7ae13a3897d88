package io.elbreconcile.model;

import java.util.Objects;

/** A load balancer's health check; AWS replaces it whole on ConfigureHealthCheck. */
public record HealthCheck(String target, int interval, int timeout, int healthyThreshold, int unhealthyThreshold) {

    /** What AWS gives a load balancer created through the API (reference 6.4). */
    public static final HealthCheck AWS_DEFAULT = new HealthCheck("TCP:80", 30, 5, 10, 2);

    public HealthCheck {
        Objects.requireNonNull(target, "target");
    }
}
