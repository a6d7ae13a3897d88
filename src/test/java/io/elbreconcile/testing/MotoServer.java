package io.elbreconcile.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JUnit 5 extension: one moto server ({@code python3 -m moto.server}) on a free loopback port,
 * shared by every test of the run, for differential tests against an emulator nobody here wrote.
 * Tests that use it are skipped, with the reason, when python3 or moto is not installed.
 *
 * <p>Use {@code @ExtendWith(MotoServer.class)} and take a {@code MotoServer.Endpoint} parameter.
 * Call {@link Endpoint#reset()} before each test: the server is shared.
 */
public final class MotoServer implements ParameterResolver, BeforeEachCallback {

    /** A running moto server. */
    public record Endpoint(URI uri) {
        /** Empties moto's state (its documented reset endpoint). */
        public void reset() {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.resolve("/moto-api/reset").toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.getOutputStream().close();
                if (connection.getResponseCode() != 200) {
                    throw new IllegalStateException("moto reset answered " + connection.getResponseCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("moto reset failed", e);
            }
        }
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final Process process;
        final Endpoint endpoint;

        Running(Process process, Endpoint endpoint) {
            this.process = process;
            this.endpoint = endpoint;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    /**
     * The skip happens here, not in {@link #resolveParameter}: JUnit reports an assumption that
     * fails while resolving a parameter as an error, which would fail the build wherever moto is absent.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        boolean wantsMoto = Arrays.stream(context.getRequiredTestMethod().getParameterTypes()).anyMatch(Endpoint.class::equals);
        if (wantsMoto) {
            assumeTrue(running(context) != null, "moto is not installed (python3 -m moto.server): differential test skipped");
        }
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        if (running == null) {
            throw new IllegalStateException("moto is not installed; beforeEach should have skipped this test");
        }
        return running.endpoint;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(MotoServer.class))
                .getOrComputeIfAbsent("moto", key -> start(), Running.class);
    }

    private static Running start() {
        if (!motoInstalled()) {
            return null;
        }
        try {
            int port = freePort();
            Path log = Files.createTempFile("moto", ".log");
            Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI uri = URI.create("http://127.0.0.1:" + port);
            awaitReady(process, uri, log);
            return new Running(process, new Endpoint(uri));
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto", e);
        }
    }

    private static boolean motoInstalled() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitReady(Process process, URI uri, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited at start: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // Polling is the only readiness signal moto offers.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto did not answer within 30 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
