package io.elbreconcile.emulator.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XmlTest {

    @Test
    void textIsEscapedWhereverTheSpecialCharacterIs() {
        assertEquals("<a>plain-name_1</a>", new Xml().element("a", "plain-name_1").toString());
        assertEquals("<a>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</a>", new Xml().element("a", "<b> & \"c\" 'd'").toString());
        assertEquals("<a>tail &amp;</a>", new Xml().element("a", "tail &").toString());
        assertEquals("<a>line\nbreak\ttab \uFFFD</a>", new Xml().element("a", "line\nbreak\ttab \u0001").toString());
        assertEquals("<a/>", new Xml().stringList("a", List.of()).toString());
    }

    @Test
    void anotherWritersOutputIsEmbeddedAsIs() {
        Xml inner = new Xml().element("b", "x&y");
        assertEquals("<a><b>x&amp;y</b></a>", new Xml(8).open("a").raw(inner).close("a").toString());
        assertEquals(inner.toString().length(), inner.length());
    }
}
