package io.elbreconcile.plan;

import io.elbreconcile.model.Target;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything apply will do, as a value: it round-trips through JSON ({@link PlanCodec}), names its
 * target, and fingerprints every observed load balancer it depends on so that a saved plan is
 * applied later or refused as stale.
 *
 * @param steps in a valid execution order (dependencies first, ties by id)
 * @param notices remarks for people that belong to no single change (what the plan holds back is
 *        typed, in {@link Change#heldBack()})
 * @param fingerprints load balancer name to a digest of what was observed ({@code absent} when it did not exist)
 */
public record Plan(
        int formatVersion,
        Target target,
        String inputDigest,
        PlanOptions options,
        List<Change> changes,
        List<Step> steps,
        List<String> notices,
        SortedMap<String, String> fingerprints) {

    public static final int FORMAT_VERSION = 3;

    public Plan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(inputDigest, "inputDigest");
        Objects.requireNonNull(options, "options");
        changes = changes.stream().sorted().toList();
        steps = List.copyOf(steps);
        notices = List.copyOf(notices);
        fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(fingerprints));
    }

    public PlanSummary summary() {
        return PlanSummary.of(changes, steps.size(), heldBack());
    }

    public boolean hasChanges() {
        return !steps.isEmpty();
    }

    /** Changes shown but not carried out because they need a flag or a change in the YAML (deletions, replacements). */
    public int heldBack() {
        return (int) changes.stream().filter(Change::isHeldBack).count();
    }

    /** Something differs between the target and the configuration, carried out or held back. */
    public boolean differs() {
        return hasChanges() || heldBack() > 0;
    }
}
