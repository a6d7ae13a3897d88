package io.elbreconcile.emulator.engine;

import java.util.regex.Pattern;

/** ConfigureHealthCheck: replaces the settings and echoes them (ranges from reference 6.4). */
public final class HealthCheckActions {

    private static final Pattern TARGET = Pattern.compile("((TCP|SSL):\\d{1,5})|((HTTP|HTTPS):\\d{1,5}/.*)");

    private HealthCheckActions() {
    }

    public static Transition<HealthCheckState> configure(World world, String loadBalancer, HealthCheckState check) {
        LoadBalancerState lb = world.require(loadBalancer);
        if (!TARGET.matcher(check.target()).matches() || check.target().length() > 1024) {
            throw EngineError.VALIDATION.exception("Invalid health check target: " + check.target()
                    + " (expected TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path)");
        }
        int port = Integer.parseInt(check.target().replaceAll("^[A-Z]+:(\\d+).*$", "$1"));
        range("target port", port, 1, 65535);
        range("Interval", check.interval(), 5, 300);
        range("Timeout", check.timeout(), 2, 60);
        range("UnhealthyThreshold", check.unhealthyThreshold(), 2, 10);
        range("HealthyThreshold", check.healthyThreshold(), 2, 10);
        if (check.timeout() >= check.interval()) {
            throw EngineError.VALIDATION.exception("HealthCheck Timeout must be less than Interval");
        }
        return new Transition<>(world.with(lb.withHealthCheck(check)), check);
    }

    private static void range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw EngineError.VALIDATION.exception("HealthCheck " + what + " must be between " + min + " and " + max
                    + ", got " + value);
        }
    }
}
