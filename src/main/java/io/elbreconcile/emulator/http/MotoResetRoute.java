package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /moto-api/reset}: what moto-based suites and tools call between tests. It empties
 * every world and the call counts, as {@code POST /_emulator/reset} does.
 */
public final class MotoResetRoute implements HttpHandler {
    public static final String PATH = "/moto-api/reset";
    /** Every path under it reaches this route (and is 404 unless it is {@link #PATH}). */
    public static final String PREFIX = "/moto-api/";

    private final AdminRoutes admin;

    public MotoResetRoute(AdminRoutes admin) {
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        int status;
        String json;
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            status = 404;
            json = "{\"error\": \"unknown path; use POST " + PATH + "\"}";
        } else if (!exchange.getRequestMethod().equals("POST")) {
            status = 405;
            json = "{\"error\": \"use POST\"}";
        } else {
            admin.reset();
            status = 200;
            json = "{\"status\": \"ok\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
