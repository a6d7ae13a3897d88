package io.elbreconcile.diag;

/**
 * How a value taken from the input or from the target is shown in a message: at most
 * {@value #MAX_VALUE_CHARS} of its characters, then {@code …}, with line breaks, control and format
 * characters escaped. A value can hold anything (a 200,000-character name, a terminal escape
 * sequence, a line break that would forge a second message line); one failure must stay one
 * readable line, and nothing may reach the terminal raw. Every message that quotes such a value
 * goes through here, so the rule is applied once, in one place.
 */
public final class Printable {

    /** PRODUCT.md section 11: enough to recognise a value, short enough to keep its line readable. */
    public static final int MAX_VALUE_CHARS = 120;
    public static final String ELLIPSIS = "…";

    private Printable() {
    }

    /** A value, capped and escaped, without quotes. */
    public static String value(String text) {
        return escape(capped(text), false);
    }

    /** A value in single quotes, as problems with the input quote it: {@code 'we_b'}. */
    public static String quoted(String text) {
        return "'" + value(text) + "'";
    }

    /**
     * A value in double quotes, escaped as a JSON string is (quotes and backslashes too), as plans
     * show property values.
     */
    public static String jsonQuoted(String text) {
        return "\"" + escape(capped(text), true) + "\"";
    }

    /**
     * A whole message of ours that may embed text from elsewhere (an exception's message, a path):
     * escaped so that it stays one line, not capped. Text already escaped here is left as it is.
     */
    public static String escaped(String text) {
        return escape(text, false);
    }

    /** At most {@value #MAX_VALUE_CHARS} characters, then {@code …}; a surrogate pair is never split. */
    static String capped(String text) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, end) + ELLIPSIS;
    }

    private static String escape(String text, boolean json) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, json);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, boolean json) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '"':
                return json ? "\\\"" : null;
            case '\\':
                return json ? "\\\\" : null;
            default:
                int type = Character.getType(c);
                if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
