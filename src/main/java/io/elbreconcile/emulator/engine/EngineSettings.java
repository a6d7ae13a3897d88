package io.elbreconcile.emulator.engine;

/**
 * How the emulated AWS behaves beyond its state: the quotas, and how fast simulated health checks
 * pass ({@code healthTimeScale} 1 is AWS's pace, 0.01 a hundred times faster, 0 at once).
 */
public record EngineSettings(Quotas quotas, double healthTimeScale) {

    public static final double DEFAULT_HEALTH_TIME_SCALE = 0.01;

    public static final EngineSettings AWS_LIKE = new EngineSettings(Quotas.AWS_DEFAULTS, DEFAULT_HEALTH_TIME_SCALE);

    public EngineSettings {
        java.util.Objects.requireNonNull(quotas, "quotas");
        if (!(healthTimeScale >= 0) || Double.isInfinite(healthTimeScale)) {
            throw new IllegalArgumentException("health time scale must be a finite number of at least 0, got " + healthTimeScale);
        }
    }

    public EngineSettings withQuotas(Quotas next) {
        return new EngineSettings(next, healthTimeScale);
    }

    public EngineSettings withHealthTimeScale(double next) {
        return new EngineSettings(quotas, next);
    }
}
