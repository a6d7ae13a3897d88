package io.elbreconcile.cli.view;

/**
 * Escaping for GitHub-flavoured Markdown. Values come from AWS and from YAML, so none may open a
 * tag, end a table cell or close a code span early: a comment is well-formed whatever they hold.
 */
final class Markdown {

    private Markdown() {
    }

    /** Plain text in a table cell or a paragraph. */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|' -> out.append("\\|");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '`' -> out.append("'");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text between backticks in a table cell: no backtick, pipe or line break may end it early. */
    static String inlineCode(String text) {
        return text.replace("`", "'").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    /** Text inside an HTML tag such as {@code <summary>} or {@code <code>}. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A property value as inline code, printed as in the text plan. */
    static String value(Object value) {
        return "`" + inlineCode(Values.show(value)) + "`";
    }
}
