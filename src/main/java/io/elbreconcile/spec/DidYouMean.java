package io.elbreconcile.spec;

import io.elbreconcile.diag.Printable;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one: the "did you mean" of every error. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The candidate nearest to {@code typed}, if near enough to be a plausible typo. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(typed)) {
                return Optional.of(candidate);
            }
            int distance = distance(lowerTyped, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        // A third of the word may be wrong, at least one edit, at most three: "protocl", "helthCheck".
        int tolerance = Math.max(1, Math.min(3, typed.length() / 3));
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    static Optional<String> hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "did you mean " + Printable.quoted(c) + "?");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
