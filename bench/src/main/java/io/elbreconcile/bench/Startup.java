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
 * counted; polls every 2 ms. The command's {@code {PORT}} is replaced by a free port.
 */
final class Startup {

    private Startup() {
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
                try {
                    elb.describeLoadBalancers();
                    throw new IllegalStateException("something already answers on port " + port);
                } catch (software.amazon.awssdk.core.exception.SdkClientException expected) {
                    // connection refused: what the warm-up wants
                }
            }
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            try {
                while (true) {
                    try {
                        elb.describeLoadBalancers();
                        break;
                    } catch (software.amazon.awssdk.core.exception.SdkException notYet) {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
                        }
                        if (System.nanoTime() - started > 60_000_000_000L) {
                            throw new IllegalStateException("no answer within 60 s; see " + log, notYet);
                        }
                        Thread.sleep(2);
                    }
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
