package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The decoded parameters of one AWS Query request, with typed accessors that fail the way AWS
 * does. Lists travel as {@code Name.member.N} (N from 1); a bare {@code Name=} is an explicitly
 * empty list (reference 2.1), never a list holding "".
 */
public final class Query {
    private final Map<String, String> parameters;

    public Query(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public String optional(String name) {
        return parameters.get(name);
    }

    public String required(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception(name);
        }
        return value;
    }

    public int requiredInt(String name) {
        return toInt(name, required(name));
    }

    public Integer optionalInt(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : toInt(name, value);
    }

    public Long optionalLong(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw EngineError.INVALID_PARAMETER_VALUE.exception(value, name, "expected an integer");
        }
    }

    public Boolean optionalBoolean(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw EngineError.INVALID_PARAMETER_VALUE.exception(value, name, "expected true or false");
    }

    public boolean present(String prefix) {
        String dotted = prefix + ".";
        return parameters.keySet().stream().anyMatch(k -> k.equals(prefix) || k.startsWith(dotted));
    }

    /** {@code Name.member.1..N}; empty when absent or sent as {@code Name=}. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        members(name).forEach((index, fields) -> {
            String value = fields.get("");
            if (value != null) {
                out.add(value);
            }
        });
        return out;
    }

    /** Like {@link #list} but required: absent is {@code MissingParameter}, {@code Name=} is []. */
    public List<String> requiredList(String name) {
        if (!present(name)) {
            throw EngineError.MISSING_PARAMETER.exception(name);
        }
        return list(name);
    }

    public List<Integer> intList(String name) {
        return list(name).stream().map(v -> toInt(name, v)).toList();
    }

    /** {@code Name.member.N.Field}: one map of field to value per member, in index order. */
    public List<Map<String, String>> structList(String name) {
        List<Map<String, String>> out = new ArrayList<>();
        members(name).forEach((index, fields) -> out.add(fields));
        return out;
    }

    /** A member of a struct list, as an int. */
    public static int intField(Map<String, String> member, String listName, String field) {
        String value = member.get(field);
        if (value == null || value.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception(listName + ".member.N." + field);
        }
        return toInt(listName + ".member.N." + field, value);
    }

    private SortedMap<Integer, Map<String, String>> members(String name) {
        String prefix = name + ".member.";
        SortedMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String indexText = dot < 0 ? rest : rest.substring(0, dot);
            int index = toInt(key, indexText);
            if (index < 1) {
                throw EngineError.INVALID_PARAMETER_VALUE.exception(indexText, key, "list indexes start at 1");
            }
            byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1),
                    entry.getValue());
        }
        return byIndex;
    }

    private static int toInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw EngineError.INVALID_PARAMETER_VALUE.exception(value, name, "expected an integer");
        }
    }
}
