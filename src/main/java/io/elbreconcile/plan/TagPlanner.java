package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.RemoveTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tags of a managed load balancer are authoritative, except keys AWS or this tool own. They are
 * set last, after every other step on the load balancer (PRODUCT.md section 5).
 */
final class TagPlanner {

    private final PlanBuilder plan;
    private final PlanOptions options;

    TagPlanner(PlanBuilder plan, PlanOptions options) {
        this.plan = plan;
        this.options = options;
    }

    /** Declared tags plus the ownership and protection tags this tool manages. */
    static SortedMap<String, String> desiredTags(DesiredLoadBalancer desired, PlanOptions options) {
        SortedMap<String, String> tags = new TreeMap<>(desired.tags());
        options.stack().ifPresent(stack -> tags.put(ReservedTags.STACK, stack));
        if (desired.protect()) {
            // Lets a later run recognise the load balancer as protected even once its document is gone.
            tags.put(PlanOptions.PROTECT_TAG, "true");
        }
        return tags;
    }

    void planManaged(DesiredLoadBalancer desired, ObservedLoadBalancer observed, String ready, boolean created,
                     List<String> everyOtherStep) {
        String lb = desired.name();
        Address address = Address.tags(lb);
        SortedMap<String, String> wanted = desiredTags(desired, options);
        if (created && wanted.isEmpty()) {
            return; // nothing to show: a new load balancer without tags
        }
        if (created) {
            // Set at creation (CreateLoadBalancer carries them), so ownership is never missing.
            plan.change(Change.of(address, Action.CREATE, Properties.none(), Properties.tags(wanted)));
            return;
        }
        SortedMap<String, String> toAdd = new TreeMap<>();
        wanted.forEach((key, value) -> {
            if (!value.equals(observed.tags().get(key))) {
                toAdd.put(key, value);
            }
        });
        List<String> toRemove = new ArrayList<>();
        for (Map.Entry<String, String> tag : observed.tags().entrySet()) {
            if (!wanted.containsKey(tag.getKey()) && removable(tag.getKey())) {
                toRemove.add(tag.getKey());
            }
        }
        boolean unprotectHeldBack = false;
        if (observed.isProtected()) {
            // A protected load balancer keeps its protect tag as it is: apply never unprotects
            // (that is done by hand), and any value but "false" already protects.
            toAdd.remove(PlanOptions.PROTECT_TAG);
            unprotectHeldBack = toRemove.remove(PlanOptions.PROTECT_TAG);
        }
        String keptProtect = "the tag " + PlanOptions.PROTECT_TAG + " stays: the load balancer is protected";
        if (unprotectHeldBack && toAdd.isEmpty() && toRemove.isEmpty()) {
            SortedMap<String, String> unprotected = new TreeMap<>(observed.tags());
            unprotected.remove(PlanOptions.PROTECT_TAG);
            plan.change(Change.of(address, Action.UPDATE, Properties.tags(observed.tags()), Properties.tags(unprotected),
                    keptProtect).heldBack(new HeldBack(keptProtect,
                    "removing the tag " + PlanOptions.PROTECT_TAG + " from it by hand")));
            return;
        }
        if (toAdd.isEmpty() && toRemove.isEmpty()) {
            plan.change(Change.of(address, Action.NOOP, Properties.tags(observed.tags()), Properties.tags(observed.tags())));
            return;
        }
        List<String> deps = new ArrayList<>(everyOtherStep);
        if (ready != null) {
            deps.add(ready);
        }
        if (!toRemove.isEmpty()) {
            plan.step(address, new RemoveTags(lb, toRemove), deps);
        }
        if (!toAdd.isEmpty()) {
            plan.step(address, new AddTags(lb, toAdd), deps);
        }
        SortedMap<String, String> after = new TreeMap<>(observed.tags());
        toRemove.forEach(after::remove);
        after.putAll(toAdd);
        plan.change(unprotectHeldBack
                ? Change.of(address, Action.UPDATE, Properties.tags(observed.tags()), Properties.tags(after), keptProtect)
                : Change.of(address, Action.UPDATE, Properties.tags(observed.tags()), Properties.tags(after)));
    }

    /** AWS's own keys and this tool's bookkeeping keys (other than protect, which it sets) stay. */
    private static boolean removable(String key) {
        if (ReservedTags.isAws(key)) {
            return false;
        }
        return !ReservedTags.isTool(key) || key.equals(PlanOptions.PROTECT_TAG);
    }
}
