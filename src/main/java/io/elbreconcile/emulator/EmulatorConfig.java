package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.EngineSettings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to run the emulator. {@code stateFile} null keeps the world in memory only; port 0 picks a
 * free port; {@code throttleRate} 0 turns throttling off; {@code errorRate} is a share in 0..1;
 * {@code settings} holds the quotas and the pace of simulated health checks; {@code clock} is the
 * time the engine sees (a test may pass one it moves by hand); {@code allowedOrigins}: the web-page
 * origins whose requests are served (all others are refused); {@code requestTimeout}: how long a
 * client has to send a complete request.
 */
public record EmulatorConfig(String bindAddress, int port, Path stateFile, long latencyMs, double throttleRate,
                             double errorRate, long seed, EngineSettings settings, Clock clock,
                             Set<String> allowedOrigins, Duration requestTimeout) {
    /** What a client gets to send one whole request, from connecting or from its previous answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, got " + requestTimeout);
        }
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
        return new EmulatorConfig("127.0.0.1", 0, stateFile, 0, 0, 0, 0, EngineSettings.AWS_LIKE, Clock.systemUTC(),
                Set.of(), DEFAULT_REQUEST_TIMEOUT);
    }

    /** Whether other machines can reach it: any bind address but a loopback one (fail closed: unresolvable counts). */
    public boolean reachableFromOtherMachines() {
        try {
            return !InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    public EmulatorConfig withBindAddress(String address) {
        return new EmulatorConfig(address, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(bindAddress, newPort, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withStateFile(Path file) {
        return new EmulatorConfig(bindAddress, port, file, latencyMs, throttleRate, errorRate, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withLatencyMs(long millis) {
        return new EmulatorConfig(bindAddress, port, stateFile, millis, throttleRate, errorRate, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withThrottleRate(double requestsPerSecond) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, requestsPerSecond, errorRate, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withErrorRate(double share) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, share, seed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, newSeed, settings, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withSettings(EngineSettings next) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, next, clock,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withClock(Clock next) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, next,
                allowedOrigins, requestTimeout);
    }

    public EmulatorConfig withAllowedOrigins(Set<String> origins) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock,
                origins, requestTimeout);
    }

    public EmulatorConfig withRequestTimeout(Duration timeout) {
        return new EmulatorConfig(bindAddress, port, stateFile, latencyMs, throttleRate, errorRate, seed, settings, clock,
                allowedOrigins, timeout);
    }
}
