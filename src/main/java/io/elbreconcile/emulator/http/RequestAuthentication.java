package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.Headers;
import io.elbreconcile.emulator.engine.EngineError;

import java.util.Map;

/**
 * Whether a request carries AWS authentication at all. Signatures are not checked (an emulator
 * has no secrets to check them against); what matters is that every AWS SDK and CLI signs, while
 * a web page, a link or an image cannot add an {@code Authorization} header.
 *
 * <p>A GET must carry the header: a signature parameter in a URL can be written by anyone into a
 * link, and since it is not checked it would let a page's {@code <img>} run any action. A POST may
 * also carry it as {@code X-Amz-Signature} (version 4) or {@code Signature} (version 2), in the
 * body or the URL: a page can only send a POST with an {@code Origin} header, which
 * {@link FrontDoor} refuses.
 */
final class RequestAuthentication {

    private RequestAuthentication() {
    }

    /** Refuses with {@code MissingAuthenticationToken} (403), as AWS does, a request without authentication. */
    static void require(String method, Headers headers, Map<String, String> parameters) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return;
        }
        if (method.equals("POST") && (present(parameters, "X-Amz-Signature") || present(parameters, "Signature"))) {
            return;
        }
        throw EngineError.MISSING_AUTHENTICATION_TOKEN.exception();
    }

    private static boolean present(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value != null && !value.isEmpty();
    }
}
