package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.plan.operation.Operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects the changes, steps and notices of a plan while the planners walk the two states.
 * Dependencies can be added after a step is created, because some (policy deletions, tags last)
 * are only known once the whole load balancer has been planned.
 */
final class PlanBuilder {

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Draft> steps = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();

    private static final class Draft {
        final Address address;
        final Operation operation;
        final TreeSet<String> dependsOn = new TreeSet<>();

        Draft(Address address, Operation operation) {
            this.address = address;
            this.operation = operation;
        }
    }

    /** Adds a step; {@code qualifier} tells apart two calls of one operation on one address. */
    String step(Address address, Operation operation, String qualifier, Collection<String> dependsOn) {
        String id = operation.awsOperation() + ":" + address + (qualifier.isEmpty() ? "" : "#" + qualifier);
        if (steps.containsKey(id)) {
            throw new IllegalStateException("planner bug: step " + id + " planned twice");
        }
        Draft draft = new Draft(address, operation);
        dependsOn.stream().filter(d -> d != null).forEach(draft.dependsOn::add);
        steps.put(id, draft);
        return id;
    }

    String step(Address address, Operation operation, Collection<String> dependsOn) {
        return step(address, operation, "", dependsOn);
    }

    void dependOn(String stepId, String prerequisiteId) {
        if (prerequisiteId != null && !prerequisiteId.equals(stepId)) {
            steps.get(stepId).dependsOn.add(prerequisiteId);
        }
    }

    /** Ids of the steps added since {@code mark} (a value of {@link #stepCount()}). */
    List<String> stepIdsSince(int mark) {
        return new ArrayList<>(steps.keySet()).subList(mark, steps.size());
    }

    int stepCount() {
        return steps.size();
    }

    void change(Change change) {
        changes.add(change);
    }

    void notice(String notice) {
        notices.add(notice);
    }

    List<Change> changes() {
        return changes;
    }

    List<Step> steps() {
        List<Step> built = new ArrayList<>();
        steps.forEach((id, draft) -> built.add(new Step(id, draft.address, draft.operation, draft.dependsOn)));
        built.sort(java.util.Comparator.comparing(Step::address).thenComparing(Step::id));
        return built;
    }

    List<String> notices() {
        return notices.stream().sorted().toList();
    }
}
