package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.EngineSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run the emulator. {@code stateFile} null keeps the world in memory only; port 0 picks a
 * free port; {@code throttleRate} 0 turns throttling off; {@code errorRate} is a share in 0..1;
 * {@code settings} holds the quotas and the pace of simulated health checks; {@code clock} is the
 * time the engine sees (a test may pass one it moves by hand).
 */
public record EmulatorConfig(String bindAddress, int port, Path stateFile, long latencyMs, double throttleRate,
                             double errorRate, long seed, EngineSettings settings, Clock clock) {

    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative, got " + latencyMs);
        }
        if (throttleRate < 0 || Double.isNaN(throttleRate)) {
            throw new IllegalArgumentException("throttle rate must not be negative, got " + throttleRate);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be within 0..1, got " + errorRate);
        }
    }

    /** Loopback, an ephemeral port, no faults, AWS's quotas: what tests and {@code --emulator} start from. */
    public static EmulatorConfig embedded(Path stateFile) {
        return new EmulatorConfig("127.0.0.1", 0, stateFile, 0, 0, 0, 0, EngineSettings.AWS_LIKE, Clock.systemUTC());
    }

    public EmulatorConfig withBindAddress(String address) {
        return new EmulatorConfig(address, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(bindAddress, newPort, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock);
    }

    public EmulatorConfig withStateFile(Path file) {
        return new EmulatorConfig(bindAddress, port, file, latencyMs, throttleRate, errorRate, seed, settings, clock);
    }

    public EmulatorConfig withLatencyMs(long millis) {
        return new EmulatorConfig(bindAddress, port, stateFile, millis, throttleRate, errorRate, seed, settings, clock);
    }

    public EmulatorConfig withThrottleRate(double requestsPerSecond) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, requestsPerSecond, errorRate, seed, settings, clock);
    }

    public EmulatorConfig withErrorRate(double share) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, share, seed, settings, clock);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, newSeed, settings, clock);
    }

    public EmulatorConfig withSettings(EngineSettings next) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, next, clock);
    }

    public EmulatorConfig withClock(Clock next) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, next);
    }
}
