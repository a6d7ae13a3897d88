package io.elbreconcile.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Glob matching: the same answers as the obvious regular expression, without its backtracking. */
class GlobProperties {

    /** Short patterns over a tiny alphabet, where the regular expression is a fast and trusted oracle. */
    @Property(tries = 2000)
    void answersLikeTheRegularExpression(@ForAll @Chars({'a', 'b', '-', '*'}) @StringLength(max = 8) String pattern,
                                         @ForAll @Chars({'a', 'b', '-'}) @StringLength(max = 10) String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        assertEquals(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches(), new Glob(pattern).matches(text),
                () -> "'" + pattern + "' against '" + text + "'");
    }

    /**
     * Patterns an input file may hold (128 characters of stars and letters) that a backtracking
     * regular expression takes exponential time over: answered, and answered right.
     */
    @Test
    void manyStarsAreAnsweredWithoutBacktrackingBlowUp() {
        String name = "ELBSecurityPolicy-TLS-1-2-2017-01";
        assertFalse(new Glob("*".repeat(120) + "X").matches(name));
        assertTrue(new Glob("*".repeat(120) + "1").matches(name));
        assertFalse(new Glob("*a".repeat(60) + "b").matches("a".repeat(128)));
        assertTrue(new Glob("*a".repeat(60) + "*").matches("a".repeat(128)));
        assertTrue(new Glob("E*L*B*S*e*c*-*T*L*S*-*1*-*2*-*2*0*1*7*-*0*1").matches(name));
    }
}
