package io.elbreconcile.emulator;

import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.Quotas;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's HTTP front at the socket level: slow and half-sent requests cost other clients
 * nothing and are disconnected, every request on a keep-alive connection gets exactly one answer,
 * and malformed HTTP is answered and closed. No timing is asserted here (see bench/ for figures).
 */
class EmulatorConnectionsTest {
    private static final String DESCRIBE = "Action=DescribeLoadBalancers&Version=2012-06-01";

    @Test
    void twoHundredHalfSentRequestsDoNotKeepAnotherClientFromItsAnswer() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    Socket socket = connect(emulator);
                    socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestSignature.AUTHORIZATION
                            + "\r\nContent-Length: 100\r\n\r\nAction=Crea").getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
                    EmulatorSeedFlowTest.createSeedLoadBalancer(elb);
                    assertEquals("my-load-balancer", elb.describeLoadBalancers().loadBalancerDescriptions().get(0).loadBalancerName());
                }
                assertEquals(1, emulator.mutatingCallCount(), "none of the half-sent requests ran");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClientThatDoesNotFinishItsRequestInTimeIsDisconnectedAndNothingRuns() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withRequestTimeout(Duration.ofMillis(200)));
             Socket halfSent = connect(emulator); Socket silent = connect(emulator)) {
            halfSent.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestSignature.AUTHORIZATION
                    + "\r\nContent-Length: 100\r\n\r\nAction=CreateLoadBalancer").getBytes(StandardCharsets.US_ASCII));
            // Blocks until the emulator gives up on the request; the socket timeout only keeps a broken build from hanging.
            assertEquals(-1, halfSent.getInputStream().read(), "disconnected without an answer");
            assertEquals(-1, silent.getInputStream().read(), "a connection that sends nothing is disconnected too");
            assertEquals(0, emulator.mutatingCallCount());
        }
    }

    @Test
    void everyRequestOnManyKeepAliveConnectionsGetsExactlyOneAnswerAndRunsOnce() throws Exception {
        int clients = 16;
        int perClient = 60;
        EngineSettings room = EngineSettings.AWS_LIKE.withQuotas(Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, clients * perClient));
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null).withSettings(room))) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> answered = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    answered.add(pool.submit(() -> {
                        int answers = 0;
                        try (Socket socket = connect(emulator)) {
                            for (int i = 0; i < perClient; i++) {
                                String name = String.format("c%02d-%03d", client, i);
                                Answer answer = exchange(socket, post("Action=CreateLoadBalancer&Version=2012-06-01&LoadBalancerName=" + name
                                        + "&AvailabilityZones.member.1=us-east-1a&Listeners.member.1.Protocol=HTTP"
                                        + "&Listeners.member.1.LoadBalancerPort=80&Listeners.member.1.InstancePort=80"));
                                assertEquals(200, answer.status(), answer.body());
                                assertTrue(answer.body().contains("<DNSName>" + name + "-"), answer.body());
                                answers++;
                            }
                        }
                        return answers;
                    }));
                }
                int total = 0;
                for (Future<Integer> count : answered) {
                    total += count.get();
                }
                assertEquals(clients * perClient, total);
                assertEquals(clients * perClient, emulator.callCounts().get("CreateLoadBalancer"), "each create ran exactly once");
                try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
                    assertEquals(400, elb.describeLoadBalancers(r -> r.pageSize(400)).loadBalancerDescriptions().size());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anAnswersHeadAndBodyArriveTogether() throws Exception {
        // A client holding an answer's head without its body may give up on the connection and retry
        // a request that already ran (bench/RESULTS.md, "Lost responses"): the answer leaves in one write.
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null)); Socket socket = connect(emulator)) {
            socket.getOutputStream().write(post(DESCRIBE).getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64 * 1024];
            int first = socket.getInputStream().read(buffer);
            String received = new String(buffer, 0, first, StandardCharsets.UTF_8);
            assertTrue(received.startsWith("HTTP/1.1 200 OK\r\n"), received);
            assertTrue(received.endsWith("</DescribeLoadBalancersResponse>"), "the first read holds the whole answer: " + received);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null)); Socket socket = connect(emulator)) {
            String create = post("Action=CreateLoadBalancer&Version=2012-06-01&LoadBalancerName=piped"
                    + "&AvailabilityZones.member.1=us-east-1a&Listeners.member.1.Protocol=HTTP&Listeners.member.1.LoadBalancerPort=80"
                    + "&Listeners.member.1.InstancePort=80");
            socket.getOutputStream().write((create + post(DESCRIBE)).getBytes(StandardCharsets.US_ASCII));
            Answer first = read(socket.getInputStream());
            Answer second = read(socket.getInputStream());
            assertTrue(first.body().startsWith("<CreateLoadBalancerResponse"), first.body());
            assertTrue(second.body().contains("<LoadBalancerName>piped</LoadBalancerName>"), second.body());
        }
    }

    @Test
    void aClientWaitingForContinueGetsItAndThenItsAnswer() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null)); Socket socket = connect(emulator)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestSignature.AUTHORIZATION + "\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + DESCRIBE.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 100 Continue", readLine(socket.getInputStream()));
            assertEquals("", readLine(socket.getInputStream()));
            out.write(DESCRIBE.getBytes(StandardCharsets.US_ASCII));
            Answer answer = read(socket.getInputStream());
            assertEquals(200, answer.status());
            assertTrue(answer.body().startsWith("<DescribeLoadBalancersResponse"), answer.body());
        }
    }

    @Test
    void malformedHttpIsAnsweredAndTheConnectionClosedWhileOthersAreServed() throws Exception {
        String[][] cases = {
                {"GARBAGE\r\n\r\n", "400"},
                {"POST / HTTP/1.1\r\nBad Header\r\n\r\n", "400"},
                {"POST / HTTP/2.0\r\n\r\n", "505"},
                {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "411"},
                {"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "400"},
                {"POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n", "413"},
                {"POST / HTTP/1.1\r\nX: " + "y".repeat(20_000) + "\r\n\r\n", "431"},
        };
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null))) {
            for (String[] bad : cases) {
                try (Socket socket = connect(emulator)) {
                    socket.getOutputStream().write(bad[0].getBytes(StandardCharsets.ISO_8859_1));
                    Answer answer = read(socket.getInputStream());
                    assertEquals(Integer.parseInt(bad[1]), answer.status(), bad[0].substring(0, Math.min(40, bad[0].length())));
                    assertEquals(-1, socket.getInputStream().read(), "closed after the answer");
                }
            }
            try (Socket socket = connect(emulator)) {
                assertEquals(200, exchange(socket, post(DESCRIBE)).status());
            }
            assertEquals(0, emulator.mutatingCallCount());
        }
    }

    @Test
    void http10ClosesAfterTheAnswerAndHeadHasNoBody() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null))) {
            try (Socket socket = connect(emulator)) {
                socket.getOutputStream().write(post(DESCRIBE).replace("HTTP/1.1", "HTTP/1.0").getBytes(StandardCharsets.US_ASCII));
                assertEquals(200, read(socket.getInputStream()).status());
                assertEquals(-1, socket.getInputStream().read());
            }
            try (Socket socket = connect(emulator)) {
                socket.getOutputStream().write(("HEAD /_emulator/calls HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertEquals("HTTP/1.1 405 Method Not Allowed", readLine(in));
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    assertTrue(!line.startsWith("Content-Length: 0"), "HEAD announces the length of the body it omits");
                }
                assertEquals(200, exchange(socket, post(DESCRIBE)).status(), "no body bytes were left on the connection");
            }
        }
    }

    private static Socket connect(EmulatorServer emulator) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String post(String form) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestSignature.AUTHORIZATION
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
    }

    private record Answer(int status, String body) {
    }

    private static Answer exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return read(socket.getInputStream());
    }

    private static Answer read(InputStream in) throws IOException {
        String status = readLine(in);
        int length = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length, "the whole body arrived");
        return new Answer(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed mid-line: " + line);
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
