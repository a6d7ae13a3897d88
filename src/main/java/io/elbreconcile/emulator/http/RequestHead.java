package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.Headers;

/**
 * The request line and header fields of one HTTP request, as read off the wire.
 *
 * @param keepAlive whether the client lets the connection carry another request afterwards
 * @param expectsContinue whether the client waits for {@code 100 Continue} before its body
 */
record RequestHead(String method, String target, String protocol, Headers headers, long contentLength,
                   boolean keepAlive, boolean expectsContinue) {
}
