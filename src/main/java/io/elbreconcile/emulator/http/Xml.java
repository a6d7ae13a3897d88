package io.elbreconcile.emulator.http;

import java.util.Collection;
import java.util.function.BiConsumer;

/** A minimal streaming XML writer: elements, escaped text and {@code member}-wrapped lists. */
public final class Xml {
    private final StringBuilder out;

    public Xml() {
        this(256);
    }

    public Xml(int capacity) {
        out = new StringBuilder(capacity);
    }

    /**
     * Makes room for about this many more characters at once: a 100-load-balancer page is a
     * quarter of a megabyte, and growing to it by doubling copies it again and again.
     */
    public Xml reserve(int characters) {
        out.ensureCapacity(out.length() + characters);
        return this;
    }

    public int length() {
        return out.length();
    }

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml openWithNamespace(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public Xml empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    /** Writes {@code <name>value</name>}; nothing when the value is null (absent members are omitted). */
    public Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        open(name);
        escape(String.valueOf(value));
        return close(name);
    }

    /** {@code <name><member>..</member>..</name>}; an empty list is the empty wrapper (reference 2.2). */
    public <T> Xml list(String name, Collection<T> items, BiConsumer<Xml, T> member) {
        if (items.isEmpty()) {
            return empty(name);
        }
        open(name);
        for (T item : items) {
            open("member");
            member.accept(this, item);
            close("member");
        }
        return close(name);
    }

    public Xml stringList(String name, Collection<String> items) {
        return list(name, items, Xml::text);
    }

    public Xml text(String value) {
        escape(value);
        return this;
    }

    /** Another writer's output, copied once. */
    public Xml raw(Xml xml) {
        out.append(xml.out);
        return this;
    }

    public boolean isEmpty() {
        return out.length() == 0;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        // Most values (names, numbers, ARNs) need no escaping: one bulk copy.
        if (first == text.length()) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD'); // not representable in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' || c < 0x20;
    }
}
