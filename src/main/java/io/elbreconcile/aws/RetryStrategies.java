package io.elbreconcile.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Locale;
import java.util.Map;

/**
 * The SDK's own retry strategies with AWS's retry conditions (throttling codes, 5xx, I/O errors)
 * and jittered exponential back-off: adaptive unless {@code AWS_RETRY_MODE} asks for {@code standard}
 * (or {@code legacy}); the attempt bound from the settings, else {@code AWS_MAX_ATTEMPTS}.
 */
final class RetryStrategies {

    private RetryStrategies() {
    }

    static RetryStrategy of(TargetSettings settings, Map<String, String> env) {
        int attempts = settings.maxAttempts() > 0 ? settings.maxAttempts() : fromEnv(env);
        String mode = lower(env.get("AWS_RETRY_MODE"));
        if (mode == null || mode.isEmpty() || "adaptive".equals(mode)) {
            // The default: adaptive adds the SDK's own client-side rate limiting, learnt from
            // throttling. With standard back-off alone, an apply that outruns the account's rate
            // kept being throttled until steps ran out of attempts (bench/RESULTS.md, figure 4).
            return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(attempts).build();
        }
        // The circuit breaker would stop retrying after a burst of throttling, which is exactly
        // when an apply against a throttled endpoint needs the back-off most.
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(attempts)
                .circuitBreakerEnabled(false)
                .build();
    }

    private static int fromEnv(Map<String, String> env) {
        String value = env.get("AWS_MAX_ATTEMPTS");
        if (value != null && !value.isBlank()) {
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // Fall through to our default, as the SDK ignores a malformed value too.
            }
        }
        return TargetSettings.DEFAULT_MAX_ATTEMPTS;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
