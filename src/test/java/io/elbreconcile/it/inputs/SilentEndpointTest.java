package io.elbreconcile.it.inputs;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.it.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A silent or unreachable endpoint ends the command with one line naming it, within the call
 * timeout, and meanwhile stderr says what the command waits for (PRODUCT.md section 11). The
 * timeout is small to keep the test short; what is asserted is the messages, not the timing.
 */
class SilentEndpointTest {

    private static final String WEB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: HTTP
                  loadBalancerPort: 80
                  instanceProtocol: HTTP
                  instancePort: 8080
            """;

    @TempDir
    Path dir;

    private ServerSocket silent;
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    /** The Action of every request the silent endpoint was sent (it reads them, and never answers). */
    private final List<String> actions = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startSilentEndpoint() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket socket = silent.accept();
                    held.add(socket);
                    Thread reading = new Thread(() -> record(socket), "silent-endpoint-reader");
                    reading.setDaemon(true);
                    reading.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-endpoint");
        accepting.setDaemon(true);
        accepting.start();
    }

    private void record(Socket socket) {
        Pattern action = Pattern.compile("Action=([A-Za-z]+)");
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            // Not closed here: closing the stream would close the socket, which is an answer of sorts.
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                Matcher found = action.matcher(seen);
                if (found.find()) {
                    actions.add(found.group(1));
                    return; // and never answer: the socket stays open in held
                }
            }
        } catch (IOException closedByClient) {
            // the client gave up, as it should
        }
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    @Test
    void aSilentEndpointEndsTheCommandWithOneLineNamingItAfterSayingWhatItWaitsFor() throws IOException {
        Path input = Files.writeString(dir.resolve("web.yaml"), WEB);

        Cli.Result result = Cli.run("apply", input.toString(), "--auto-approve", "--endpoint-url", url(), "--region", "us-east-1",
                "--call-timeout", "3");

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        List<String> lines = result.errLines();
        assertTrue(lines.get(0).matches(Pattern.quote("still waiting for " + url() + " (DescribeLoadBalancers, ") + "\\d+ s\\)\\.\\.\\."),
                result.toString());
        assertEquals("error: DescribeLoadBalancers: ConnectionFailure: no answer from " + url() + " within 3 s"
                + " (--call-timeout SECONDS changes the limit)", lines.get(lines.size() - 1), result.toString());
        assertFalse(actions.isEmpty(), "the endpoint was asked");
        assertTrue(actions.stream().allMatch(a -> a.startsWith("Describe")), "nothing but reads was sent: " + actions);
    }

    @Test
    void anUnreachableEndpointIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Path input = Files.writeString(dir.resolve("web.yaml"), WEB);

        Cli.Result result = Cli.run("plan", input.toString(), "--endpoint-url", "http://127.0.0.1:" + closedPort, "--region", "us-east-1",
                "--call-timeout", "2");

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        String last = result.errLines().get(result.errLines().size() - 1);
        assertTrue(last.startsWith("error: DescribeLoadBalancers: ConnectionFailure: cannot reach http://127.0.0.1:" + closedPort + ": ")
                || last.equals("error: DescribeLoadBalancers: ConnectionFailure: no answer from http://127.0.0.1:" + closedPort
                + " within 2 s (--call-timeout SECONDS changes the limit)"), result.toString());
    }

    @Test
    void theCallTimeoutMustBeAPositiveNumberOfSeconds() throws IOException {
        Path input = Files.writeString(dir.resolve("web.yaml"), WEB);

        Cli.Result result = Cli.run("plan", input.toString(), "--endpoint-url", url(), "--call-timeout", "0");

        assertEquals(ExitCodes.ERROR, result.code(), result.toString());
        assertEquals(List.of("error: --call-timeout must be a number of seconds from 0.1 to 3600, not 0.0"), result.errLines());
        assertTrue(actions.isEmpty(), "nothing was sent");
    }
}
