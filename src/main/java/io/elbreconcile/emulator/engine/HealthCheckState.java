package io.elbreconcile.emulator.engine;

import java.util.Objects;

/** Health check settings; {@link #DEFAULT} is what an API-created load balancer gets (reference 6.4). */
public record HealthCheckState(String target, int interval, int timeout, int unhealthyThreshold, int healthyThreshold) {

    public static final HealthCheckState DEFAULT = new HealthCheckState("TCP:80", 30, 5, 2, 10);

    public HealthCheckState {
        Objects.requireNonNull(target, "target");
    }
}
