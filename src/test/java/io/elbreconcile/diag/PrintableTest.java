package io.elbreconcile.diag;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrintableTest {

    @Test
    void aValueShowsAtMost120CharactersThenAnEllipsis() {
        assertEquals("a".repeat(120), Printable.value("a".repeat(120)));
        assertEquals("a".repeat(120) + "…", Printable.value("a".repeat(121)));
        assertEquals("'" + "a".repeat(120) + "…'", Printable.quoted("a".repeat(200_000)));
    }

    @Test
    void theCapCountsTheValueNotItsEscapes() {
        String value = "\u001b".repeat(200);
        assertEquals("\\u001b".repeat(120) + "…", Printable.value(value));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String value = "a".repeat(119) + "😀" + "b";
        assertEquals("a".repeat(119) + "…", Printable.value(value));
    }

    @Test
    void lineBreaksControlsAndFormatCharactersAreEscaped() {
        assertEquals("a\\nb\\r\\tc\\u001b[2J\\u202eevil\\u2028x", Printable.value("a\nb\r\tc\u001b[2J\u202eevil\u2028x"));
        assertEquals("\"say \\\"hi\\\" \\\\ there\"", Printable.jsonQuoted("say \"hi\" \\ there"));
    }

    @Test
    void escapingIsLeftAsItIsWhenAlreadyEscapedAndOurOwnTextIsNotCapped() {
        String message = "x".repeat(500) + " \\n already escaped";
        assertSame(message, Printable.escaped(message));
        assertEquals("null", Printable.value(null));
    }
}
