package io.elbreconcile.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the emulator's HTTP front, against a running {@code emulator serve} on loopback. Prints
 * {@code key value} lines.
 *
 * <ul>
 *   <li>{@code slow PORT}: latency of a normal keep-alive client (200 DescribeLoadBalancers) alone,
 *   then while 200 other connections hold half-sent requests (head with {@code Content-Length: 100},
 *   then 11 bytes), plus a fresh connection's first request; then how long the emulator takes to
 *   disconnect the half-sent ones.</li>
 *   <li>{@code lost PORT CLIENTS REQUESTS GAP_MS}: CLIENTS threads, each with its own keep-alive
 *   socket, create REQUESTS load balancers each (unique names), pausing GAP_MS ± 5% after every
 *   tenth request (around the emulator's idle limit). A request whose connection was closed
 *   before any answer is not resent. Lost = creates the emulator ran − answers the clients got.</li>
 * </ul>
 */
public final class FrontLoad {
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/elasticloadbalancing/aws4_request,"
            + " SignedHeaders=host, Signature=00";
    private static final String DESCRIBE = "Action=DescribeLoadBalancers&Version=2012-06-01&PageSize=1";

    private FrontLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "slow" -> slow(port);
            case "lost" -> lost(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            default -> throw new IllegalArgumentException("usage: slow PORT | lost PORT CLIENTS REQUESTS GAP_MS");
        }
    }

    private static void slow(int port) throws Exception {
        try (Socket normal = connect(port)) {
            for (int i = 0; i < 50; i++) {
                exchange(normal, post(DESCRIBE));   // warm-up
            }
            report("alone", latencies(normal));
            List<Socket> slow = new ArrayList<>();
            long[] lastByte = new long[200];
            for (int i = 0; i < 200; i++) {
                Socket socket = connect(port);
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + AUTHORIZATION
                        + "\r\nContent-Length: 100\r\n\r\nAction=Crea").getBytes(StandardCharsets.US_ASCII));
                lastByte[i] = System.nanoTime();
                slow.add(socket);
            }
            report("with_200_slow", latencies(normal));
            long start = System.nanoTime();
            try (Socket fresh = connect(port)) {
                exchange(fresh, post(DESCRIBE));
            }
            System.out.printf("fresh_connection_with_200_slow_ms %.2f%n", (System.nanoTime() - start) / 1e6);
            long[] disconnected = new long[200];
            for (int i = 0; i < 200; i++) {
                Socket socket = slow.get(i);
                socket.setSoTimeout(30_000);
                int read = socket.getInputStream().read();
                disconnected[i] = read < 0 ? System.nanoTime() - lastByte[i] : -1;
                socket.close();
            }
            Arrays.sort(disconnected);
            System.out.printf("slow_disconnected_after_ms_min %.0f%n", disconnected[0] / 1e6);
            System.out.printf("slow_disconnected_after_ms_max %.0f%n", disconnected[199] / 1e6);
            System.out.println("slow_answered_or_kept " + Arrays.stream(disconnected).filter(d -> d < 0).count());
        }
    }

    private static long[] latencies(Socket normal) throws IOException {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            Answer answer = exchange(normal, post(DESCRIBE));
            nanos[i] = System.nanoTime() - start;
            if (answer.status() != 200) {
                throw new IllegalStateException("unexpected answer " + answer.status() + ": " + answer.body());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String key, long[] sorted) {
        System.out.printf("%s_median_ms %.2f%n", key, sorted[sorted.length / 2] / 1e6);
        System.out.printf("%s_max_ms %.2f%n", key, sorted[sorted.length - 1] / 1e6);
    }

    private static void lost(int port, int clients, int requests, long gapMillis) throws Exception {
        long executedBefore = createsRun(port);
        AtomicLong answered = new AtomicLong();
        AtomicLong closedBeforeAnswer = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                Random random = new Random(client);
                Socket socket = null;
                for (int i = 0; i < requests; i++) {
                    try {
                        if (socket == null) {
                            socket = connect(port);
                        }
                        exchange(socket, post("Action=CreateLoadBalancer&Version=2012-06-01&LoadBalancerName=" + run + "-" + client + "-" + i
                                + "&AvailabilityZones.member.1=us-east-1a&Listeners.member.1.Protocol=HTTP"
                                + "&Listeners.member.1.LoadBalancerPort=80&Listeners.member.1.InstancePort=80"));
                        answered.incrementAndGet();
                    } catch (IOException e) {
                        closedBeforeAnswer.incrementAndGet();
                        close(socket);
                        socket = null;
                    }
                    if (i % 10 == 9) {
                        TimeUnit.MILLISECONDS.sleep(gapMillis - gapMillis / 20 + random.nextInt((int) Math.max(1, gapMillis / 10)));
                    }
                }
                close(socket);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        long executed = createsRun(port) - executedBefore;
        System.out.println("requests " + (long) clients * requests);
        System.out.println("answered " + answered.get());
        System.out.println("closed_before_answer " + closedBeforeAnswer.get());
        System.out.println("executed " + executed);
        System.out.println("lost_answers " + (executed - answered.get()));
    }

    private static long createsRun(int port) throws Exception {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/calls")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("\"CreateLoadBalancer\": (\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Going away anyway.
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String post(String form) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + AUTHORIZATION
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
    }

    private record Answer(int status, String body) {
    }

    private static Answer exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String status = readLine(in);
        int length = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("connection closed mid-answer");
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
