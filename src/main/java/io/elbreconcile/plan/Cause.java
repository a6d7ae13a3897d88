package io.elbreconcile.plan;

import java.util.Locale;

/**
 * Why a property differs, given the configuration on the target branch ({@code plan --baseline}):
 * a reviewer must tell what the pull request changes from what was changed outside Git.
 */
public enum Cause {
    /** Live matches the target branch; this change differs from both. */
    CHANGE,
    /** This change matches the target branch; live differs: changed outside Git. */
    DRIFT,
    /** Live, the target branch and this change all differ. */
    BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Cause fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** {@code null} stands for absent on that side. */
    static Cause of(Object live, Object git, Object targetBranch) {
        boolean liveAsBefore = java.util.Objects.equals(live, targetBranch);
        boolean gitAsBefore = java.util.Objects.equals(git, targetBranch);
        if (liveAsBefore) {
            return CHANGE;
        }
        return gitAsBefore ? DRIFT : BOTH;
    }
}
