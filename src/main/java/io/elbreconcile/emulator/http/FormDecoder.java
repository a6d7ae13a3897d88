package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text (a body or a query string) strictly. */
final class FormDecoder {

    private FormDecoder() {
    }

    /**
     * A name given twice (in one form, or in both the URL and the body) is
     * {@code InvalidQueryParameter}: taking either value silently could run an action on what the
     * client did not mean. A malformed escape is {@code MalformedQueryString}.
     */
    static void decodeInto(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.isEmpty()) {
                throw EngineError.MALFORMED_QUERY_STRING.exception("Empty parameter name in: " + abbreviate(pair));
            }
            if (into.putIfAbsent(name, value) != null) {
                throw EngineError.DUPLICATE_PARAMETER.exception(abbreviate(name));
            }
        }
    }

    static Map<String, String> decode(String... forms) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String form : forms) {
            decodeInto(form, out);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EngineError.MALFORMED_QUERY_STRING.exception("Malformed escape in: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
