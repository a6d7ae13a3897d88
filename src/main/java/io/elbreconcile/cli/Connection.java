package io.elbreconcile.cli;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.EmulatorStateException;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import io.elbreconcile.model.DeclaredTarget;
import io.elbreconcile.model.Target;
import io.elbreconcile.reconcile.OpenTarget;
import io.elbreconcile.reconcile.Opening;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An open target: the port every call goes through and the target's stable identity. With
 * {@code --emulator} the embedded server runs on an ephemeral loopback port and is reached over
 * HTTP by the same SDK client as AWS; its identity is its state file, since the port changes.
 */
final class Connection implements OpenTarget {

    /** The embedded emulator's load balancers per region (AWS: 20; `emulator serve --quota` sets its own). */
    static final int EMBEDDED_LOAD_BALANCER_QUOTA = 10_000;

    private final EmulatorServer emulator;
    private final ElbPort port;
    private final Target target;

    private Connection(EmulatorServer emulator, ElbPort port, Target target) {
        this.emulator = emulator;
        this.port = port;
        this.target = target;
    }

    /**
     * Opens the target on a background thread (starting the embedded emulator and building the
     * SDK client take a quarter of a second) while the caller loads its input. Opening makes no
     * request, so invalid input still fails before any call.
     */
    static Opening openInBackground(TargetOptions options) {
        CompletableFuture<Connection> opening = opened(options);
        return new Opening() {
            @Override
            public OpenTarget await() {
                return Connection.await(opening);
            }

            @Override
            public void abandon() {
                Connection.abandon(opening, options.usesEmbeddedEmulator());
            }
        };
    }

    private static CompletableFuture<Connection> opened(TargetOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            Connection connection = open(options);
            if (connection.port instanceof SdkElbPort sdk) {
                sdk.prepare();
            }
            return connection;
        }, runnable -> {
            Thread thread = new Thread(runnable, "connect");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The opened connection, or the failure to open it, rethrown as it was. */
    private static Connection await(CompletableFuture<Connection> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Closes a connection opened in the background that is no longer wanted (the input was invalid).
     * An embedded emulator is closed before returning: it holds its state file's lock, and the next
     * command may want that file at once. Any other target closes whenever it has opened, so invalid
     * input is not kept waiting on, say, the SDK's region lookup.
     */
    private static void abandon(CompletableFuture<Connection> opening, boolean waitForClose) {
        if (!waitForClose) {
            opening.thenAccept(Connection::close);
            return;
        }
        try {
            opening.join().close();
        } catch (CompletionException | java.util.concurrent.CancellationException notOpened) {
            // nothing was opened, so nothing to close; the input's own error is what the user sees
        }
    }

    static Connection open(TargetOptions options) {
        if (options.usesEmbeddedEmulator()) {
            if (options.endpointUrl != null) {
                throw new UserFacingException("--emulator and --endpoint-url name two different targets; give one");
            }
            return embedded(options);
        }
        TargetSettings settings = TargetSettings.defaults()
                .withEndpointUrl(options.endpointUrl)
                .withRegion(options.region)
                .withProfile(options.profile)
                .withMaxRequestsPerSecond(options.requestsPerSecond())
                .withCallTimeout(options.callTimeout());
        SdkElbPort port = SdkElbPort.connect(settings, options.stillWaiting());
        return new Connection(null, port, port.target());
    }

    private static Connection embedded(TargetOptions options) {
        EmulatorServer server = startEmbedded(options);
        Path state = options.emulatorStateFile().toAbsolutePath().normalize();
        String region = options.region == null ? EmulatorServer.DEFAULT_REGION : options.region;
        TargetSettings settings = TargetSettings.defaults()
                .withEndpointUrl(server.endpoint().toString())
                .withRegion(region)
                .withStaticCredentials(EMULATOR_KEYS)
                .withMaxRequestsPerSecond(Math.max(0, options.requestsPerSecond()))
                .withCallTimeout(options.callTimeout());
        ElbPort port = SdkElbPort.connect(settings, options.stillWaiting());
        return new Connection(server, port, new Target("emulator:" + state, region, null));
    }

    static final TargetSettings.StaticCredentials EMULATOR_KEYS = new TargetSettings.StaticCredentials("emulator", "emulator", null);

    /**
     * A connection for a Target document. With {@code --emulator} ({@code embedded} not null) it
     * overrides the target's endpoint: the target's region and role pick the world (the emulator
     * answers STS, keyed by the role's account). The command-line target options are refused
     * elsewhere; only the call limits apply here.
     */
    static Connection forTarget(DeclaredTarget declared, TargetOptions options, EmulatorServer embedded) {
        TargetSettings.AssumedRole role = declared.roleArn() == null ? null
                : new TargetSettings.AssumedRole(declared.roleArn(), declared.externalId());
        TargetSettings settings = TargetSettings.defaults()
                .withRegion(declared.region())
                .withRole(role)
                .withCallTimeout(options.callTimeout());
        if (embedded != null) {
            settings = settings.withEndpointUrl(embedded.endpoint().toString())
                    .withStaticCredentials(EMULATOR_KEYS)
                    .withMaxRequestsPerSecond(Math.max(0, options.requestsPerSecond()));
            SdkElbPort port = SdkElbPort.connect(settings, options.stillWaiting());
            Path state = options.emulatorStateFile().toAbsolutePath().normalize();
            return new Connection(null, port, new Target("emulator:" + state, declared.region(),
                    declared.roleAccount().orElse(null)));
        }
        settings = settings.withEndpointUrl(declared.endpointUrl())
                .withProfile(declared.profile())
                .withMaxRequestsPerSecond(options.requestsPerSecond());
        SdkElbPort port = SdkElbPort.connect(settings, options.stillWaiting());
        return new Connection(null, port, port.target());
    }

    /** Starts the embedded emulator of {@code --emulator} on its state file. */
    static EmulatorServer startEmbedded(TargetOptions options) {
        // The state file and its directory appear with the first change, not before.
        Path state = options.emulatorStateFile().toAbsolutePath().normalize();
        EmulatorServer server;
        try {
            // A local sandbox for whole fleets: room for far more than AWS's 20 load balancers per region.
            server = EmulatorServer.start(EmulatorConfig.embedded(state).withSettings(EngineSettings.AWS_LIKE
                    .withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, EMBEDDED_LOAD_BALANCER_QUOTA))));
        } catch (EmulatorStateException e) {
            throw new UserFacingException(e.getMessage());
        }
        return server;
    }

    @Override
    public ElbPort port() {
        return port;
    }

    @Override
    public Target target() {
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
