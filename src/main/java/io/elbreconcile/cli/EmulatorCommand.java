package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.EmulatorStateException;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code emulator}: the command group of the embedded ELB emulator. */
@Command(name = "emulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "The ELB emulator (AWS Query protocol, API 2012-06-01).",
        subcommands = EmulatorCommand.Serve.class,
        footer = {"", "Examples:", "  elb-reconcile emulator serve --port 4566 --state world.json"})
final class EmulatorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: serve");
    }

    /** {@code emulator serve}: a long-running emulator for any AWS SDK or CLI. */
    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Run the emulator as a server until interrupted (Ctrl-C or SIGTERM); with --state, changes are saved to the file within 100 ms and at shutdown.",
            footer = {"",
                    "Examples:",
                    "  elb-reconcile emulator serve --port 4566 --state world.json",
                    "  aws elb describe-load-balancers --region us-east-1 \\",
                    "      --endpoint-url http://127.0.0.1:4566",
                    "  elb-reconcile emulator serve --throttle-rate 20 --error-rate 0.05 --seed 7",
                    "  elb-reconcile emulator serve --quota classic-load-balancers=5000",
                    "",
                    "One world per account and region (the region of each request's SigV4",
                    "credential scope).",
                    "Admin: GET /_emulator/calls (counts per action), POST /_emulator/reset or",
                    "POST /moto-api/reset (empty every world).",
                    "Doors: a request without AWS authentication (Authorization header, or on POST",
                    "an X-Amz-Signature/Signature parameter) gets 403 MissingAuthenticationToken;",
                    "signatures are not checked. A request with an Origin header (a web page) is",
                    "refused unless --allow-origin names it. A client has 10 s to send a complete",
                    "request.",
                    "Exit codes: 0 on clean shutdown, 1 error (port in use, unreadable state file)."})
    static final class Serve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--port", defaultValue = "4566", description = "TCP port (default 4566; 0 = any free port).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
        String bind;

        @Option(names = "--state", paramLabel = "FILE", description = "Load the world from FILE and save it there atomically (within 100 ms of a change, and at shutdown).")
        Path state;

        @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Delay before every answer.")
        long latencyMs;

        @Option(names = "--throttle-rate", paramLabel = "RPS", defaultValue = "0",
                description = "Requests per second before answering Throttling (0 = never).")
        double throttleRate;

        @Option(names = "--error-rate", paramLabel = "SHARE", defaultValue = "0",
                description = "Share of requests answered with a 500 InternalFailure, 0 to 1.")
        double errorRate;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the fault injection, for repeatable runs.")
        long seed;

        @Option(names = "--quota", paramLabel = "NAME=N",
                description = "Raise (or lower) a quota, by its DescribeAccountLimits name; repeatable. AWS's defaults: "
                        + "classic-load-balancers=20 (per region), classic-listeners=100, classic-registered-instances=1000.")
        java.util.List<String> quotas = new java.util.ArrayList<>();

        @Option(names = "--health-time-scale", paramLabel = "FACTOR", defaultValue = "0.01",
                description = "Registered instances turn InService after healthyThreshold x interval seconds times FACTOR "
                        + "(default 0.01; 1 = AWS's pace, 0 = at once).")
        double healthTimeScale;

        @Option(names = "--allow-origin", paramLabel = "ORIGIN",
                description = "Serve requests from web pages of this origin (e.g. http://localhost:3000); repeatable. Others are refused.")
        List<String> allowedOrigins = new ArrayList<>();

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65535) {
                throw new UserFacingException("--port must be between 0 (any free port) and 65535, not " + port);
            }
            if (errorRate < 0 || errorRate > 1) {
                throw new UserFacingException("--error-rate must be between 0 and 1, not " + errorRate);
            }
            EmulatorConfig config = EmulatorConfig.embedded(state)
                    .withBindAddress(bind).withPort(port).withLatencyMs(latencyMs)
                    .withThrottleRate(throttleRate).withErrorRate(errorRate).withSeed(seed)
                    .withSettings(settings())
                    .withAllowedOrigins(Set.copyOf(allowedOrigins));
            if (config.reachableFromOtherMachines()) {
                spec.commandLine().getErr().println("warning: listening on " + bind + ", not a loopback address: anyone who can"
                        + " reach this port can read and change the emulator's world, and reset it.");
                spec.commandLine().getErr().flush();
            }
            EmulatorServer server;
            try {
                server = EmulatorServer.start(config, new EmulatorFailureLog(spec.commandLine().getErr(), common.debug()));
            } catch (EmulatorStateException e) {
                throw new UserFacingException(e.getMessage());
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
                // Interrupted on purpose is a clean shutdown: exit 0, not the signal's 130 or 143.
                Runtime.getRuntime().halt(ExitCodes.OK);
            }, "emulator-shutdown"));
            spec.commandLine().getOut().println("ELB emulator listening on " + server.endpoint()
                    + (state == null ? " (state in memory)" : " (state: " + state + ")") + "; Ctrl-C stops it.");
            spec.commandLine().getOut().flush();
            stopped.await();
            return ExitCodes.OK;
        }

        private EngineSettings settings() {
            if (!(healthTimeScale >= 0) || Double.isInfinite(healthTimeScale)) {
                throw new UserFacingException("--health-time-scale must be a number of at least 0, not " + healthTimeScale);
            }
            Quotas raised = Quotas.AWS_DEFAULTS;
            for (String quota : quotas) {
                int equals = quota.indexOf('=');
                String name = equals < 0 ? quota : quota.substring(0, equals);
                if (!raised.values().containsKey(name)) {
                    throw new UserFacingException("--quota " + quota + ": unknown quota " + name + "; known: "
                            + String.join(", ", raised.values().keySet()));
                }
                int value;
                try {
                    value = equals < 0 ? -1 : Integer.parseInt(quota.substring(equals + 1).trim());
                } catch (NumberFormatException e) {
                    value = -1;
                }
                if (value < 1) {
                    throw new UserFacingException("--quota " + quota + ": give NAME=N with N a whole number of at least 1");
                }
                raised = raised.with(name, value);
            }
            return new EngineSettings(raised, healthTimeScale);
        }
    }
}