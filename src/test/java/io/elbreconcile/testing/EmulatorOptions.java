package io.elbreconcile.testing;

import io.elbreconcile.emulator.engine.EngineSettings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link EmulatorExtension} sets up the emulator of a test class. Without it the emulator is
 * as AWS: 20 load balancers per region, health checks passing at the default pace. A class whose
 * fleets are larger raises the quota here, as benchmarks do with {@code --quota}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EmulatorOptions {
    int loadBalancerQuota() default 20;

    double healthTimeScale() default EngineSettings.DEFAULT_HEALTH_TIME_SCALE;
}
