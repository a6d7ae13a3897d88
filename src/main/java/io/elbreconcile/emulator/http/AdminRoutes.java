package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@code GET /_emulator/calls} (counts as JSON) and {@code POST /_emulator/reset} (empty world, zero counts). */
public final class AdminRoutes implements HttpHandler {
    public static final String PREFIX = "/_emulator/";

    private final WorldStore store;
    private final CallRecorder recorder;

    public AdminRoutes(WorldStore store, CallRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(PREFIX + "calls")) {
            if (!method.equals("GET")) {
                send(exchange, 405, "{\"error\": \"use GET\"}");
                return;
            }
            send(exchange, 200, recorder.toJson());
        } else if (path.equals(PREFIX + "reset")) {
            if (!method.equals("POST")) {
                send(exchange, 405, "{\"error\": \"use POST\"}");
                return;
            }
            reset();
            send(exchange, 200, "{\"reset\": true}");
        } else {
            send(exchange, 404, "{\"error\": \"unknown admin path; use /_emulator/calls or /_emulator/reset\"}");
        }
    }

    public void reset() {
        store.reset();
        recorder.reset();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
