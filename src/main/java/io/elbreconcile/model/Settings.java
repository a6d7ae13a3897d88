package io.elbreconcile.model;

import java.util.List;

/**
 * The input's {@code kind: Settings} document (at most one): how this tool shares load balancers
 * with other writers.
 *
 * @param ignoreTags tag keys other tools own (cost allocation, security scanners): never added,
 *                   changed, removed or reported
 */
public record Settings(List<Glob> ignoreTags) {

    public Settings {
        ignoreTags = List.copyOf(ignoreTags);
    }

    public static Settings defaults() {
        return new Settings(List.of());
    }

    /** Keys of AWS and of this tool are never someone else's, whatever a glob says. */
    public boolean ignoresTag(String key) {
        if (ReservedTags.isReserved(key)) {
            return false;
        }
        return ignoreTags.stream().anyMatch(glob -> glob.matches(key));
    }
}
