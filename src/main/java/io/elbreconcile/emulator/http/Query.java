package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The decoded parameters of one AWS Query request, with typed accessors that fail the way AWS
 * does. Lists travel as {@code Name.member.N} (N from 1); a bare {@code Name=} is an explicitly
 * empty list (reference 2.1), never a list holding "".
 *
 * <p>It remembers which parameters its accessors were asked for, so that one its action never
 * reads (a misspelling, a parameter of another action) is refused instead of silently ignored:
 * see {@link #rejectUnread()}. One instance serves one request on one thread.
 */
public final class Query {
    /** Query-string authentication (signature versions 2 and 4): the envelope, not the action's input. */
    private static final Set<String> SIGNATURE_PARAMETERS = Set.of("AWSAccessKeyId", "Signature", "SignatureMethod",
            "SignatureVersion", "Timestamp", "Expires", "SecurityToken");

    private final Map<String, String> parameters;
    private final Set<String> read = new HashSet<>();

    public Query(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Refuses the request when it carries a parameter no accessor has been asked for. Handlers
     * read their whole input before they change the world, so the world's store calls this just
     * before committing, and the front once more before answering a read.
     */
    public void rejectUnread() {
        for (String name : parameters.keySet()) {
            if (!read.contains(name) && !SIGNATURE_PARAMETERS.contains(name) && !name.startsWith("X-Amz-")) {
                throw EngineError.UNKNOWN_PARAMETER.exception(name);
            }
        }
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public String optional(String name) {
        read.add(name);
        return parameters.get(name);
    }

    public String required(String name) {
        read.add(name);
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
        read.add(name);
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : toInt(name, value);
    }

    public Long optionalLong(String name) {
        read.add(name);
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
        read.add(name);
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

    /** {@code Name.member.N.Field}: one member per index, in index order. */
    public List<Member> structList(String name) {
        List<Member> out = new ArrayList<>();
        members(name).forEach((index, fields) -> out.add(new Member(name, index, fields)));
        return out;
    }

    /** One member of a struct list; asking for a field marks its parameter as read. */
    public final class Member {
        private final String listName;
        private final int index;
        private final Map<String, String> fields;

        private Member(String listName, int index, Map<String, String> fields) {
            this.listName = listName;
            this.index = index;
            this.fields = fields;
        }

        public String optional(String field) {
            read.add(listName + ".member." + index + "." + field);
            return fields.get(field);
        }

        public String required(String field) {
            String value = optional(field);
            if (value == null || value.isEmpty()) {
                throw EngineError.MISSING_PARAMETER.exception(listName + ".member.N." + field);
            }
            return value;
        }

        public int requiredInt(String field) {
            return toInt(listName + ".member.N." + field, required(field));
        }
    }

    private SortedMap<Integer, Map<String, String>> members(String name) {
        read.add(name);
        String prefix = name + ".member.";
        SortedMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                read.add(key);   // a scalar member; a struct member's fields are marked as they are asked for
            }
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
