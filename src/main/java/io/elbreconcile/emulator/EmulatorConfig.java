package io.elbreconcile.emulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the emulator. {@code stateFile} null keeps the world in memory only; port 0 picks a
 * free port; {@code throttleRate} 0 turns throttling off; {@code errorRate} is a share in 0..1.
 */
public record EmulatorConfig(String bindAddress, int port, Path stateFile, long latencyMs, double throttleRate,
                             double errorRate, long seed) {

    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
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

    /** Loopback, an ephemeral port, no faults: what tests and {@code --emulator} use. */
    public static EmulatorConfig embedded(Path stateFile) {
        return new EmulatorConfig("127.0.0.1", 0, stateFile, 0, 0, 0, 0);
    }

    public EmulatorConfig withBindAddress(String address) {
        return new EmulatorConfig(address, port, stateFile, latencyMs, throttleRate, errorRate, seed);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(bindAddress, newPort, stateFile, latencyMs, throttleRate, errorRate, seed);
    }

    public EmulatorConfig withStateFile(Path file) {
        return new EmulatorConfig(bindAddress, port, file, latencyMs, throttleRate, errorRate, seed);
    }

    public EmulatorConfig withLatencyMs(long millis) {
        return new EmulatorConfig(bindAddress, port, stateFile, millis, throttleRate, errorRate, seed);
    }

    public EmulatorConfig withThrottleRate(double requestsPerSecond) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, requestsPerSecond, errorRate, seed);
    }

    public EmulatorConfig withErrorRate(double share) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, share, seed);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, newSeed);
    }
}
