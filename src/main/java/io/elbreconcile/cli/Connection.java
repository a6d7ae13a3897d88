package io.elbreconcile.cli;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.EmulatorStateException;
import io.elbreconcile.model.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open target: the port every call goes through and the target's stable identity. With
 * {@code --emulator} the embedded server runs on an ephemeral loopback port and is reached over
 * HTTP by the same SDK client as AWS; its identity is its state file, since the port changes.
 */
final class Connection implements AutoCloseable {

    /** What AWS allows before throttling an account, roughly; keeps big applies polite by default. */
    private static final double DEFAULT_AWS_RATE = 20;

    private final EmulatorServer emulator;
    private final ElbPort port;
    private final Target target;

    private Connection(EmulatorServer emulator, ElbPort port, Target target) {
        this.emulator = emulator;
        this.port = port;
        this.target = target;
    }

    static Connection open(TargetOptions options) {
        if (options.usesEmbeddedEmulator()) {
            if (options.endpointUrl != null) {
                throw new UserFacingException("--emulator and --endpoint-url name two different targets; give one");
            }
            return embedded(options);
        }
        double rate = options.maxRequestsPerSecond < 0 ? DEFAULT_AWS_RATE : options.maxRequestsPerSecond;
        TargetSettings settings = TargetSettings.defaults()
                .withEndpointUrl(options.endpointUrl)
                .withRegion(options.region)
                .withProfile(options.profile)
                .withMaxRequestsPerSecond(rate);
        SdkElbPort port = SdkElbPort.connect(settings);
        return new Connection(null, port, port.target());
    }

    private static Connection embedded(TargetOptions options) {
        Path state = options.emulatorStateFile().toAbsolutePath().normalize();
        try {
            Files.createDirectories(state.getParent());
        } catch (IOException e) {
            throw new UserFacingException("cannot create " + state.getParent() + ": " + e.getMessage());
        }
        EmulatorServer server;
        try {
            server = EmulatorServer.start(EmulatorConfig.embedded(state));
        } catch (EmulatorStateException e) {
            throw new UserFacingException(e.getMessage());
        }
        String region = options.region == null ? EmulatorServer.DEFAULT_REGION : options.region;
        TargetSettings settings = TargetSettings.defaults()
                .withEndpointUrl(server.endpoint().toString())
                .withRegion(region)
                .withStaticCredentials(new TargetSettings.StaticCredentials("emulator", "emulator", null))
                .withMaxRequestsPerSecond(Math.max(0, options.maxRequestsPerSecond));
        ElbPort port = SdkElbPort.connect(settings);
        return new Connection(server, port, new Target("emulator:" + state, region, null));
    }

    ElbPort port() {
        return port;
    }

    Target target() {
        return target;
    }

    @Override
    public void close() {
        port.close();
        if (emulator != null) {
            emulator.close();
        }
    }
}
