package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Assembles HTTP/1.1 requests from the bytes of one connection as they arrive, without blocking:
 * {@link #next()} gives a complete request, a refusal, or nothing yet. Bytes after a complete
 * request stay buffered for the next one. Hostile input is bounded: the head by
 * {@link #MAX_HEAD_BYTES}, the kept body by {@code maxKeptBody} (the rest is counted and
 * dropped, so the handler can still answer "too large" on a connection that stays usable), and
 * the announced body by {@link #MAX_BODY_BYTES}.
 */
final class RequestReader {
    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    /** Announcing more than this is refused outright, before any of it is read. */
    static final long MAX_BODY_BYTES = 64L << 20;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    /** What {@link #next()} found. */
    sealed interface Outcome permits Complete, Refused {
    }

    /** A whole request: its head and (at most {@code maxKeptBody} bytes of) its body. */
    record Complete(RequestHead head, byte[] body) implements Outcome {
    }

    /** A request that cannot be served; the connection is closed after the answer. */
    record Refused(int status, String reason) implements Outcome {
    }

    private final int maxKeptBody;
    private byte[] buffer = new byte[2048];
    private int start;
    private int end;
    private RequestHead head;
    private long bodyRemaining;
    private byte[] body;
    private int bodyLength;
    private boolean continueWanted;

    RequestReader(int maxKeptBody) {
        this.maxKeptBody = maxKeptBody;
    }

    void append(ByteBuffer bytes) {
        int count = bytes.remaining();
        if (end + count > buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, end + count));
            }
        }
        bytes.get(buffer, end, count);
        end += count;
    }

    /** Whether part of a request has arrived (a connection between requests has none). */
    boolean midRequest() {
        return head != null || end > start;
    }

    /** True once per request whose client waits for {@code 100 Continue} before sending its body. */
    boolean takeContinueWanted() {
        boolean wanted = continueWanted;
        continueWanted = false;
        return wanted;
    }

    Outcome next() {
        if (head == null) {
            int headEnd = indexOf(END_OF_HEAD);
            if (headEnd < 0) {
                return end - start > MAX_HEAD_BYTES ? new Refused(431, "request head larger than " + MAX_HEAD_BYTES + " bytes") : null;
            }
            if (headEnd - start > MAX_HEAD_BYTES) {
                return new Refused(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            String text = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
            start = headEnd + END_OF_HEAD.length;
            Object parsed = parseHead(text);
            if (parsed instanceof Refused refused) {
                return refused;
            }
            head = (RequestHead) parsed;
            bodyRemaining = head.contentLength();
            body = new byte[(int) Math.min(bodyRemaining, maxKeptBody)];
            bodyLength = 0;
            continueWanted = head.expectsContinue() && bodyRemaining > 0 && end == start;
        }
        int available = (int) Math.min(end - start, bodyRemaining);
        int kept = Math.min(available, body.length - bodyLength);
        System.arraycopy(buffer, start, body, bodyLength, kept);
        bodyLength += kept;
        start += available;
        bodyRemaining -= available;
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (bodyRemaining > 0) {
            return null;
        }
        Complete complete = new Complete(head, body);
        head = null;
        body = null;
        return complete;
    }

    private int indexOf(byte[] pattern) {
        outer:
        for (int i = start; i <= end - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A {@link RequestHead} or a {@link Refused}. */
    private static Object parseHead(String text) {
        String[] lines = text.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty()
                || !requestLine[1].chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return new Refused(400, "malformed request line");
        }
        String protocol = requestLine[2];
        if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
            return new Refused(protocol.startsWith("HTTP/") ? 505 : 400, "unsupported protocol version");
        }
        if (lines.length - 1 > MAX_HEADERS) {
            return new Refused(431, "more than " + MAX_HEADERS + " header fields");
        }
        Headers headers = new Headers();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return new Refused(400, "malformed header field");
            }
            String value = line.substring(colon + 1).strip();
            if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7F))) {
                return new Refused(400, "control character in a header field");
            }
            headers.add(line.substring(0, colon), value);
        }
        if (headers.containsKey("Transfer-Encoding")) {
            return new Refused(411, "chunked request bodies are not supported; send Content-Length");
        }
        long contentLength = 0;
        List<String> lengths = headers.get("Content-Length");
        if (lengths != null) {
            if (lengths.stream().distinct().count() != 1 || !lengths.get(0).matches("[0-9]{1,18}")) {
                return new Refused(400, "malformed Content-Length");
            }
            contentLength = Long.parseLong(lengths.get(0));
            if (contentLength > MAX_BODY_BYTES) {
                return new Refused(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        String connection = String.join(",", headers.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT);
        boolean keepAlive = protocol.equals("HTTP/1.1") ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
        String expect = headers.getFirst("Expect");
        return new RequestHead(requestLine[0], requestLine[1], protocol, headers, contentLength, keepAlive,
                expect != null && expect.equalsIgnoreCase("100-continue"));
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.strip().equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 token characters: what methods and header names are made of. */
    private static boolean isToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c < 0x7F && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
    }
}
