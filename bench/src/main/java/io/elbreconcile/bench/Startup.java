package io.elbreconcile.bench;

import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting a server process to its first successful DescribeLoadBalancers through the
 * SDK. The SDK client is warmed up first (against a closed port) so its own start-up is not
 * counted. Polls every 2 ms: with a bare TCP connect while the port refuses (a failed SDK call
 * costs about a millisecond of CPU, taken from the server being measured on a 2-core machine),
 * then with the SDK call. The command's {@code {PORT}} is replaced by a free port.
 */
final class Startup {

    private Startup() {
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    private static boolean answers(ElasticLoadBalancingClient elb) {
        try {
            elb.describeLoadBalancers();
            return true;
        } catch (software.amazon.awssdk.core.exception.SdkException notYet) {
            return false;
        }
    }

    static void run(String key, File log, List<String> template) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        for (String part : template) {
            command.add(part.replace("{PORT}", Integer.toString(port)));
        }
        try (ElasticLoadBalancingClient elb = Clients.forEndpoint(URI.create("http://127.0.0.1:" + port))) {
            for (int i = 0; i < 3; i++) {
                if (accepts(port) || answers(elb)) {
                    throw new IllegalStateException("something already answers on port " + port);
                }
            }
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            try {
                while (!(accepts(port) && answers(elb))) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
                    }
                    if (System.nanoTime() - started > 60_000_000_000L) {
                        throw new IllegalStateException("no answer within 60 s; see " + log);
                    }
                    Thread.sleep(2);
                }
                System.out.printf("%s %.1f%n", key, (System.nanoTime() - started) / 1e6);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            }
        }
    }
}
