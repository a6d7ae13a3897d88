package io.elbreconcile.it.apply;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of the emulator that loses the response of the first request of each
 * chosen action: the request is carried out, but the client gets a 500 and retries, as happens
 * with AWS when a connection drops after the server acted. Or, made with {@link #refusing}, one
 * that answers chosen actions with an error the emulator never gives (access denied, an expired
 * token) without passing them on.
 */
final class LossyProxy implements AutoCloseable {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "lossy-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Set<String> toLose;
    private final Set<String> lostOnce = ConcurrentHashMap.newKeySet();
    private final List<String> lost = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> toRefuse;
    private final int refusalStatus;
    private final String refusalCode;

    private LossyProxy(URI target, Set<String> toLose, Set<String> toRefuse, int refusalStatus, String refusalCode) throws IOException {
        this.target = target;
        this.toLose = Set.copyOf(toLose);
        this.toRefuse = Set.copyOf(toRefuse);
        this.refusalStatus = refusalStatus;
        this.refusalCode = refusalCode;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static LossyProxy start(URI target, Set<String> actionsToLoseOnce) {
        try {
            return new LossyProxy(target, actionsToLoseOnce, Set.of(), 0, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** Answers every request for one of {@code actions} with {@code status} and {@code code}; passes the rest on. */
    static LossyProxy refusing(URI target, Set<String> actions, int status, String code) {
        try {
            return new LossyProxy(target, Set.of(), actions, status, code);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The actions whose response was lost or refused, in order. */
    List<String> lost() {
        synchronized (lost) {
            return List.copyOf(lost);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requested = action(new String(body, StandardCharsets.UTF_8));
            if (requested != null && toRefuse.contains(requested)) {
                lost.add(requested);
                reply(exchange, refusalStatus, "text/xml", ("<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                        + "<Error><Type>Sender</Type><Code>" + refusalCode + "</Code><Message>refused by the test proxy</Message></Error>"
                        + "<RequestId>refused-" + requested + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String action = action(new String(body, StandardCharsets.UTF_8));
            if (action != null && response.statusCode() == 200 && toLose.contains(action) && lostOnce.add(action)) {
                lost.add(action);
                reply(exchange, 500, "text/xml", ("<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                        + "<Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>the response was lost</Message></Error>"
                        + "<RequestId>lost-" + action + "</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            reply(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/xml"), response.body());
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String action(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("Action")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
