package io.elbreconcile.spec;

import io.elbreconcile.diag.SourceLocation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one YAML document was written, by JSON pointer ({@code /spec/listeners/0}).
 * Values and keys are kept apart: an unknown field is reported at its key, a wrong value at the value.
 */
final class Locations {

    private final SourceLocation document;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();

    Locations(SourceLocation document) {
        this.document = document;
    }

    void value(String pointer, SourceLocation location) {
        values.put(pointer, location);
    }

    void key(String pointer, SourceLocation location) {
        keys.put(pointer, location);
    }

    /** The document's first line. */
    SourceLocation document() {
        return document;
    }

    /** Where the value at {@code pointer} starts, or the nearest enclosing node that has a location. */
    SourceLocation ofValue(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            SourceLocation found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return document;
            }
        }
    }

    /** Where the key naming {@code pointer} is written; falls back to the value, then to enclosing nodes. */
    SourceLocation ofKey(String pointer) {
        SourceLocation key = keys.get(pointer);
        return key != null ? key : ofValue(pointer);
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
