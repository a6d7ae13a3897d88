package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.elbreconcile.emulator.engine.EngineError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The one way in: refuses requests from web pages, then routes by path prefix to an admin route
 * ({@code /_emulator/}, {@code /moto-api/}) or else to the Query front. A browser marks every cross-site request it lets a page send with an
 * {@code Origin} header; refusing those (unless the operator named the origin) keeps a page the
 * user happens to visit from changing or wiping the emulator's world. While it listens on loopback
 * only, it also refuses a {@code Host} that is not a loopback name: DNS rebinding points a page's
 * own host name at 127.0.0.1, after which the page is same-origin, may send a GET without
 * {@code Origin} and set any header, but its requests still name that host.
 */
public final class FrontDoor implements HttpHandler {
    private final Set<String> allowedOrigins;
    private final HttpHandler query;
    private final Map<String, HttpHandler> adminByPrefix;
    private final boolean loopbackOnly;

    public FrontDoor(Set<String> allowedOrigins, HttpHandler query, Map<String, HttpHandler> adminByPrefix,
                     boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.query = query;
        this.adminByPrefix = Map.copyOf(adminByPrefix);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath() == null ? "" : exchange.getRequestURI().getRawPath();
        HttpHandler admin = adminByPrefix.entrySet().stream().filter(route -> path.startsWith(route.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        boolean adminPath = admin != null;
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (loopbackOnly && host != null && !LoopbackHost.names(host)) {
            refuse(exchange, adminPath, EngineError.HOST_REFUSED, host);
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            if (!allowedOrigins.contains(origin)) {
                refuse(exchange, adminPath, EngineError.ORIGIN_REFUSED, origin);
                return;
            }
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                preflight(exchange);
                return;
            }
        }
        (adminPath ? admin : query).handle(exchange);
    }

    private static void refuse(HttpExchange exchange, boolean adminPath, EngineError error, String value)
            throws IOException {
        String shown = value.length() <= 120 ? value : value.substring(0, 120) + "…";
        if (adminPath) {
            byte[] json = ("{\"error\": \"" + jsonEscape(error.message(shown)) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
            return;
        }
        QueryFront.sendError(exchange, error, error.message(shown));
    }

    /** A browser asks before a request with an Authorization header: say what is allowed. */
    private static void preflight(HttpExchange exchange) throws IOException {
        String wanted = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, GET");
        if (wanted != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", wanted);
        }
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
        exchange.getResponseBody().close();
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
