package io.elbreconcile.plan;

import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the temporary policies of a zero-gap replacement. They are recognisable so that a run
 * after a crash finds and removes them: {@code <name>-elbr-tmp}, or {@code <name>-elbr-tmp-N}
 * when that name is taken by something else.
 */
final class TemporaryPolicies {

    static final String SUFFIX = "-elbr-tmp";
    private static final Pattern TEMPORARY = Pattern.compile("(.+)" + SUFFIX + "(?:-\\d+)?");

    private TemporaryPolicies() {
    }

    /** The original policy name if {@code name} is one of our temporary names. */
    static Optional<String> originalOf(String name) {
        Matcher matcher = TEMPORARY.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static boolean isTemporaryFor(String candidate, String original) {
        return originalOf(candidate).map(original::equals).orElse(false);
    }

    /**
     * A temporary name for replacing {@code original} by {@code replacement}: free, or holding a
     * leftover policy with exactly the replacement's settings (then it is reused, not re-created).
     */
    static String choose(ManagedPolicy replacement, ObservedLoadBalancer observed) {
        for (int n = 1; ; n++) {
            String candidate = replacement.name() + SUFFIX + (n == 1 ? "" : "-" + n);
            boolean takenByOther = observed.otherPolicies().contains(candidate);
            Optional<ManagedPolicy> existing = observed.policy(candidate);
            if (!takenByOther && (existing.isEmpty() || existing.get().sameSettingsAs(replacement))) {
                return candidate;
            }
        }
    }
}
