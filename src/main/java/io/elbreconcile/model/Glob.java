package io.elbreconcile.model;

import java.util.Objects;

/**
 * A name pattern where {@code *} stands for any run of characters (none included) and every other
 * character stands for itself: {@code ops:*}, {@code LoadBalancer/web-*}. A value: equal when the
 * patterns are equal.
 *
 * <p>Matched by a two-pointer walk that goes back only to the last star, so a match costs at most
 * pattern length times name length steps, whatever the input holds: a regular expression made of
 * {@code .*} per star backtracks exponentially on a pattern of many stars ({@code ************X}
 * against a 33-character name took longer than 20 s), which an input file must never be able to do.
 */
public final class Glob {

    private final String pattern;

    public Glob(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        int p = 0;
        int t = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                resumeAt = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (lastStar >= 0) {
                // The last star takes one more character; what came before it stays matched.
                p = lastStar + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
