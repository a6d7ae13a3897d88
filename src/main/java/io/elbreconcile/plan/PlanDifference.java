package io.elbreconcile.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.diag.Printable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first place where two plan trees differ, as a path a user can find in the file
 * ({@code steps[12].operation}) and what each side holds there. Objects compare as maps (key order
 * is no difference), arrays element by element.
 */
final class PlanDifference {

    private PlanDifference() {
    }

    static Optional<String> first(JsonNode saved, JsonNode fresh) {
        return first("", saved, fresh);
    }

    private static Optional<String> first(String path, JsonNode saved, JsonNode fresh) {
        if (saved.equals(fresh)) {
            return Optional.empty();
        }
        if (saved.isObject() && fresh.isObject()) {
            // The fresh plan's order first (the order a plan file is written in), then keys only the saved one has.
            Set<String> keys = new LinkedHashSet<>();
            fresh.fieldNames().forEachRemaining(keys::add);
            saved.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String at = member(path, key);
                JsonNode s = saved.get(key);
                JsonNode f = fresh.get(key);
                if (s == null) {
                    return Optional.of(at + ": missing from the saved plan (a fresh plan has " + shown(f) + ")");
                }
                if (f == null) {
                    return Optional.of(at + ": not in a fresh plan (the saved plan has " + shown(s) + ")");
                }
                Optional<String> inner = first(at, s, f);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (saved.isArray() && fresh.isArray()) {
            List<JsonNode> s = elements(saved);
            List<JsonNode> f = elements(fresh);
            for (int i = 0; i < Math.max(s.size(), f.size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= s.size()) {
                    return Optional.of(at + ": missing from the saved plan (a fresh plan has " + shown(f.get(i)) + ")");
                }
                if (i >= f.size()) {
                    return Optional.of(at + ": not in a fresh plan (the saved plan has " + shown(s.get(i)) + ")");
                }
                Optional<String> inner = first(at, s.get(i), f.get(i));
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return Optional.of((path.isEmpty() ? "the top level" : path) + ": saved " + shown(saved) + ", fresh " + shown(fresh));
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            elements.add(it.next());
        }
        return elements;
    }

    private static String member(String path, String key) {
        boolean plain = key.matches("[A-Za-z_][A-Za-z0-9_]*");
        String shownKey = plain ? key : "[" + quoted(key) + "]";
        return path.isEmpty() ? (plain ? key : shownKey) : path + (plain ? "." + key : shownKey);
    }

    private static String quoted(String text) {
        return Printable.jsonQuoted(text);
    }

    private static String shown(JsonNode node) {
        // JSON text, capped and escaped: a hostile value can neither flood nor forge output lines.
        return Printable.value(node.toString());
    }
}
