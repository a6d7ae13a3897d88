package io.elbreconcile.cli.view;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValuesTest {

    @Test
    void plainValuesPrintAsInTerraformPlans() {
        assertEquals("\"HTTP:80/\"", Values.show("HTTP:80/"));
        assertEquals("300", Values.show(300));
        assertEquals("(none)", Values.show(null));
        assertEquals("[\"a\", \"b\"]", Values.show(List.of("a", "b")));
        assertEquals("\"Ünïcode 名前\"", Values.show("Ünïcode 名前"));
    }

    @Test
    void quotesLineBreaksAndControlCharactersAreEscapedSoAValueStaysOnOneLine() {
        assertEquals("\"say \\\"hi\\\"\"", Values.show("say \"hi\""));
        assertEquals("\"a\\\\b\"", Values.show("a\\b"));
        assertEquals("\"line1\\nline2\\r\\tend\"", Values.show("line1\nline2\r\tend"));
        // An escape sequence from a remote value must not reach the terminal raw.
        assertEquals("\"\\u001b[31mred\"", Values.show("\u001b[31mred"));
        assertEquals("\"bidi\\u202eevil\"", Values.show("bidi\u202eevil"));
        assertEquals("[\"x\\ny\", (none)]", Values.show(Arrays.asList("x\ny", null)));
    }
}
