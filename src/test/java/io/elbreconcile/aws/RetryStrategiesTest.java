package io.elbreconcile.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RetryStrategiesTest {

    @Test
    void adaptiveWithOurDefaultBound() {
        RetryStrategy strategy = RetryStrategies.of(TargetSettings.defaults(), Map.of());
        assertInstanceOf(AdaptiveRetryStrategy.class, strategy);
        assertEquals(TargetSettings.DEFAULT_MAX_ATTEMPTS, strategy.maxAttempts());
    }

    @Test
    void standardWhenAsked() {
        RetryStrategy strategy = RetryStrategies.of(TargetSettings.defaults(), Map.of("AWS_RETRY_MODE", "standard"));
        assertInstanceOf(StandardRetryStrategy.class, strategy);
    }

    @Test
    void theSettingsWinOverTheEnvironment() {
        assertEquals(2, RetryStrategies.of(TargetSettings.defaults().withMaxAttempts(2),
                Map.of("AWS_MAX_ATTEMPTS", "9")).maxAttempts());
    }

    @Test
    void theSdkVariablesAreHonoured() {
        RetryStrategy strategy = RetryStrategies.of(TargetSettings.defaults(),
                Map.of("AWS_MAX_ATTEMPTS", "7", "AWS_RETRY_MODE", "Adaptive"));
        assertInstanceOf(AdaptiveRetryStrategy.class, strategy);
        assertEquals(7, strategy.maxAttempts());
        assertEquals(TargetSettings.DEFAULT_MAX_ATTEMPTS,
                RetryStrategies.of(TargetSettings.defaults(), Map.of("AWS_MAX_ATTEMPTS", "many")).maxAttempts());
    }
}
