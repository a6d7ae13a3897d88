package io.elbreconcile.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Marker pagination over a list sorted by key (reference 6.5). The marker is the key of the first
 * item of the next page, base64-encoded so that clients treat it as opaque; it stays valid when
 * items before it are deleted between calls.
 */
public final class Paging {

    /** One page; {@code nextMarker} is null on the last page. */
    public record Page<T>(List<T> items, String nextMarker) {
        public Page {
            items = List.copyOf(items);
        }
    }

    private Paging() {
    }

    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, String marker, Integer pageSize) {
        int size = pageSize == null ? Limits.MAX_PAGE_SIZE : pageSize;
        if (size < 1 || size > Limits.MAX_PAGE_SIZE) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value '" + size
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }
        int start = 0;
        if (marker != null && !marker.isEmpty()) {
            String from = decode(marker);
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(from) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        String next = end < sorted.size() ? encode(key.apply(sorted.get(end))) : null;
        return new Page<>(sorted.subList(start, end), next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EngineError.VALIDATION.exception("Invalid Marker: " + marker);
        }
    }
}
