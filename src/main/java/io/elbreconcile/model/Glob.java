package io.elbreconcile.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name pattern where {@code *} stands for any run of characters (none included) and every other
 * character stands for itself: {@code ops:*}, {@code LoadBalancer/web-*}. A value: equal when the
 * patterns are equal; compiled once because fleets match thousands of names against it.
 */
public final class Glob {

    private final String pattern;
    private final Pattern compiled;

    public Glob(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
            regex.append(Pattern.quote(pattern.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(pattern.substring(start)));
        this.compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        return compiled.matcher(text).matches();
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
