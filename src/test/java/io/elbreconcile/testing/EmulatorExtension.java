package io.elbreconcile.testing;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one embedded emulator (loopback, ephemeral port, in memory, no faults, AWS's
 * quotas unless the class says otherwise with {@link EmulatorOptions}) per test class, injected as an {@link EmulatorServer} parameter and reset before each test, so
 * tests share the start-up cost but not the world or the call counts.
 */
public final class EmulatorExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final EmulatorServer server;

        Running(EmulatorOptions options) {
            EngineSettings settings = options == null ? EngineSettings.AWS_LIKE : new EngineSettings(
                    Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, options.loadBalancerQuota()), options.healthTimeScale());
            server = EmulatorServer.start(EmulatorConfig.embedded(null).withSettings(settings));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    private static EmulatorServer server(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("emulator",
                key -> new Running(classContext.getRequiredTestClass().getAnnotation(EmulatorOptions.class)), Running.class).server;
    }
}
