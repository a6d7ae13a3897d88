package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.Worlds;
import io.elbreconcile.emulator.http.AdminRoutes;
import io.elbreconcile.emulator.http.CallRecorder;
import io.elbreconcile.emulator.http.Faults;
import io.elbreconcile.emulator.http.FrontDoor;
import io.elbreconcile.emulator.http.HttpFront;
import io.elbreconcile.emulator.http.MotoResetRoute;
import io.elbreconcile.emulator.http.QueryFront;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.emulator.http.actions.ActionCatalog;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running emulator of the Classic ELB API: its HTTP front and door in front of the engine, with
 * optional state file and faults. Closing it stops the server and saves the state.
 */
public final class EmulatorServer implements AutoCloseable {
    /** Used when the request's SigV4 credential scope names no region. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final HttpFront server;
    private final ExecutorService executor;
    private final PersistentWorldStore store;
    private final CallRecorder recorder;
    private final AdminRoutes admin;
    private final URI endpoint;
    /** Null for an in-memory world. */
    private final StateFileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorServer(HttpFront server, ExecutorService executor, PersistentWorldStore store,
                           CallRecorder recorder, AdminRoutes admin, URI endpoint, StateFileLock lock) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.recorder = recorder;
        this.admin = admin;
        this.endpoint = endpoint;
        this.lock = lock;
    }

    /**
     * Loads the state file (if any), binds and starts serving. A corrupt state file or a port in
     * use is an {@link EmulatorStateException} with a one-line message.
     */
    public static EmulatorServer start(EmulatorConfig config) {
        return start(config, (request, failure) -> { });
    }

    /**
     * As {@link #start(EmulatorConfig)}, telling {@code failures} why a request got a 500 answer:
     * the request's method and path (never its query, which may carry a signature) and the failure.
     */
    public static EmulatorServer start(EmulatorConfig config, java.util.function.BiConsumer<String, Throwable> failures) {
        // The real path: the lock must see one file however it is spelled, and a save through a
        // symbolic link replaces its target rather than the link.
        StateFile file = config.stateFile() == null ? null : new StateFile(StateFileLock.realPathOf(config.stateFile()));
        StateFileLock lock = file == null ? null : StateFileLock.acquire(file.path());
        try {
            return start(config, file, lock, failures);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static EmulatorServer start(EmulatorConfig config, StateFile file, StateFileLock lock,
                                        java.util.function.BiConsumer<String, Throwable> failures) {
        Worlds initial = file == null ? Worlds.empty() : file.load(DEFAULT_REGION);
        PersistentWorldStore store = new PersistentWorldStore(initial, file);
        CallRecorder recorder = new CallRecorder();
        Faults faults = new Faults(config.latencyMs(), config.throttleRate(), config.errorRate(), config.seed(),
                System::nanoTime);

        AdminRoutes admin = new AdminRoutes(store, recorder);
        QueryFront query = new QueryFront(ActionCatalog.all(), store, recorder, faults,
                config.clock()::millis, DEFAULT_REGION, config.settings());
        ExecutorService executor = Executors.newFixedThreadPool(16, daemonThreads());
        HttpFront server;
        try {
            server = HttpFront.start(new InetSocketAddress(config.bindAddress(), config.port()), 128,
                    new FrontDoor(config.allowedOrigins(), query,
                            Map.of(AdminRoutes.PREFIX, admin, MotoResetRoute.PREFIX, new MotoResetRoute(admin)),
                            !config.reachableFromOtherMachines()),
                    failures::accept, executor, config.requestTimeout(),
                    QueryFront.MAX_BODY_BYTES + 1);
        } catch (BindException e) {
            executor.shutdown();
            throw new EmulatorStateException("cannot start the emulator on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage() + " (is the port in use?)", e);
        } catch (IOException e) {
            executor.shutdown();
            throw new EmulatorStateException("cannot start the emulator on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        URI endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.address().getPort());
        return new EmulatorServer(server, executor, store, recorder, admin, endpoint, lock);
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return server.address().getPort();
    }

    /** Requests that reached each action (succeeded or not), by action name. */
    public Map<String, Long> callCounts() {
        return recorder.counts();
    }

    /** Requests that reached a mutating action. Unchanged across a run means nothing was written. */
    public long mutatingCallCount() {
        return recorder.mutatingCount();
    }

    /** The most recent calls in arrival order (bounded), each with its decoded parameters. */
    public List<RecordedCall> callLog() {
        return recorder.log();
    }

    /**
     * Answers one request on a throw-away in-memory server, on a daemon thread: what a cold JVM
     * does for the first request (loading and initialising the server, the front, the handlers and
     * the XML writer) then overlaps with the caller's own start-up, such as parsing its command line.
     */
    public static void warmUpInBackground() {
        Thread warming = new Thread(() -> {
            try (EmulatorServer server = start(EmulatorConfig.embedded(null))) {
                java.net.HttpURLConnection connection = (java.net.HttpURLConnection) server.endpoint().toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=WARMUP/20260101/us-east-1/elasticloadbalancing/aws4_request");
                connection.getOutputStream().write("Action=DescribeLoadBalancers&Version=2012-06-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                connection.getInputStream().readAllBytes();
                connection.disconnect();
            } catch (IOException | RuntimeException ignored) {
                // Only a warm-up: the real server reports its own problems.
            }
        }, "emulator-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    /** Empties the world and the counts, as {@code POST /_emulator/reset} does. */
    public void reset() {
        admin.reset();
    }

    /** Stops serving and saves the state file; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } finally {
            if (lock != null) {
                lock.close();   // after the last save, and even when it failed
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "elb-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
