package io.elbreconcile.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in an input file; lines and columns count from 1, as editors show them. Line and
 * column 0 stand for the file as a whole (it cannot be read at all), shown as its path alone.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        boolean wholeFile = line == 0 && column == 0;
        if (!wholeFile && (line < 1 || column < 1)) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    /** The file itself, not a place in it: a problem such as "not a regular file". */
    public static SourceLocation wholeFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
