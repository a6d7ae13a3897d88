package io.elbreconcile.drift;

import io.elbreconcile.model.IgnoredDifference;
import io.elbreconcile.model.Target;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every difference found on one target, sorted by address.
 *
 * @param generatedAt when the comparison was made (whole seconds): a scheduled job's reports are compared over time
 * @param ignored differences the ignore rules hid (Settings.ignoreTags, ignoreChanges): counted, never reported as drift
 */
public record DriftReport(Target target, Instant generatedAt, List<Difference> differences, int resourcesChecked,
                          List<IgnoredDifference> ignored) {

    public static final int FORMAT_VERSION = 1;

    public DriftReport {
        generatedAt = generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        differences = differences.stream().sorted().toList();
        ignored = ignored.stream().sorted().toList();
    }

    public DriftReport(Target target, Instant generatedAt, List<Difference> differences, int resourcesChecked) {
        this(target, generatedAt, differences, resourcesChecked, List.of());
    }

    public boolean hasDrift() {
        return !differences.isEmpty();
    }

    public Map<DriftKind, Integer> countsByKind() {
        Map<DriftKind, Integer> counts = new EnumMap<>(DriftKind.class);
        for (DriftKind kind : DriftKind.values()) {
            counts.put(kind, 0);
        }
        differences.forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
        return counts;
    }
}
