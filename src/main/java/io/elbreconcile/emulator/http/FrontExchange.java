package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its answer, in the JDK's {@link HttpExchange} shape so that the routes stay
 * plain {@code HttpHandler}s. The whole request is in memory before the handler runs, and the
 * answer is collected in memory and leaves, with its Content-Length, after the handler returns.
 */
final class FrontExchange extends HttpExchange {
    private final RequestHead head;
    private final URI uri;
    private final InputStream requestBody;
    private final Headers responseHeaders = new Headers();
    private final ResponseBuffer responseBody = new ResponseBuffer();
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Map<String, Object> attributes = new HashMap<>();
    private int responseCode = -1;

    private FrontExchange(RequestHead head, URI uri, byte[] body, InetSocketAddress local, InetSocketAddress remote) {
        this.head = head;
        this.uri = uri;
        this.requestBody = new ByteArrayInputStream(body);
        this.local = local;
        this.remote = remote;
    }

    /** Null when the request target is not a URI. */
    static FrontExchange of(RequestHead head, byte[] body, InetSocketAddress local, InetSocketAddress remote) {
        try {
            return new FrontExchange(head, new URI(head.target()), body, local, remote);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Status line and header fields (with Content-Length and Date), then the body: two buffers the
     * front hands to the socket in one gathering write, without copying the body again.
     */
    ByteBuffer[] encode(boolean keepAlive) {
        int status = responseCode < 0 ? 500 : responseCode;
        ByteBuffer content = responseCode < 0 ? ByteBuffer.allocate(0) : responseBody.contents();
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        responseHeaders.set("Connection", keepAlive ? "keep-alive" : "close");
        byte[] head = head(status, responseHeaders, content.remaining());
        return new ByteBuffer[] {ByteBuffer.wrap(head), this.head.method().equals("HEAD") ? ByteBuffer.allocate(0) : content};
    }

    /** An answer of the front itself (a refused request): plain text, and the connection closes. */
    static ByteBuffer[] plain(int status, String text) {
        byte[] content = (text + "\n").getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers();
        headers.set("Content-Type", "text/plain; charset=utf-8");
        headers.set("Connection", "close");
        return new ByteBuffer[] {ByteBuffer.wrap(head(status, headers, content.length)), ByteBuffer.wrap(content)};
    }

    /** {@code HTTP/1.1 100 Continue}, for a client that waits for it before sending its body. */
    static ByteBuffer[] continueInterim() {
        return new ByteBuffer[] {ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII))};
    }

    private static byte[] head(int status, Headers headers, int length) {
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        text.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                text.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        text.append("Content-Length: ").append(length).append("\r\n\r\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    /** The front has no contexts: routing is by path, in {@link FrontDoor}. */
    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        // Nothing to release: the request and the answer are in memory.
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    /** The length only sizes the buffer: the answer always leaves with the length of what was written. */
    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode >= 0) {
            throw new IOException("response headers already sent");
        }
        responseCode = code;
        if (length > 0) {
            responseBody.reserve((int) Math.min(length, Integer.MAX_VALUE - 8));
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** Filters are not used; streams stay the in-memory ones. */
    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the emulator's front uses no filters");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The answer's body, sized ahead when the handler says how long it is, and read without a copy. */
    private static final class ResponseBuffer extends ByteArrayOutputStream {
        void reserve(int length) {
            if (buf.length < length) {
                buf = Arrays.copyOf(buf, length);
            }
        }

        ByteBuffer contents() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
