package io.elbreconcile.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A scripted ELB endpoint on loopback: answers with the queued responses in order (the last one
 * repeats) and records each request's form parameters, so tests see exactly what the SDK sent.
 */
final class StubElbServer implements AutoCloseable {

    record Reply(int status, String body) {
    }

    static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";

    private final HttpServer server;
    private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();
    final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());

    StubElbServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(form(body));
            Reply reply = replies.size() > 1 ? replies.poll() : replies.peek();
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubElbServer then(int status, String body) {
        replies.add(new Reply(status, body));
        return this;
    }

    StubElbServer thenResult(String action, String result) {
        return then(200, "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></" + action + "Response>");
    }

    StubElbServer thenError(int status, String code, String message) {
        return then(status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>err-1</RequestId></ErrorResponse>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
