package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.StickinessPolicy;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.RemoveTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attach mode across stacks (PRODUCT.md section 13): a stack that attaches a policy to a load
 * balancer another stack owns records it with the tag {@code elb-reconcile:attach:<policy>} =
 * {@code <its stack>}. The owner treats such a policy as foreign (kept on its listener, never an
 * orphan); the attaching stack removes the policy and the tag when its document goes.
 */
final class AttachOwnership {

    static final String TAG_PREFIX = ReservedTags.ATTACH_PREFIX;

    /** AWS's tag key limit; the policy name must fit after the prefix. */
    static final int MAX_TAG_KEY = 128;

    private final PlanBuilder plan;
    private final String stackValue;

    /** @param stack the attaching stack; without {@code --stack} the tag's value is empty (still foreign to the owner) */
    AttachOwnership(PlanBuilder plan, Optional<String> stack) {
        this.plan = plan;
        this.stackValue = stack.orElse("");
    }

    static String tagKey(String policy) {
        return ReservedTags.attachKey(policy);
    }

    /** Policies other stacks attached to this load balancer, by their tags. */
    static Set<String> attachedByOthers(ObservedLoadBalancer observed) {
        Set<String> names = new TreeSet<>();
        observed.tags().keySet().stream().filter(key -> key.startsWith(TAG_PREFIX))
                .forEach(key -> names.add(key.substring(TAG_PREFIX.length())));
        return names;
    }

    /** The stack that attached the policy, if a tag says so. */
    static Optional<String> attachingStack(ObservedLoadBalancer observed, String policy) {
        return Optional.ofNullable(observed.tags().get(tagKey(policy)));
    }

    /**
     * Attachments this stack made (its tag is on a load balancer it does not declare) whose
     * document is gone: planned as {@code ensure: absent}, so the policy and the tag go.
     */
    static List<PolicyAttachment> abandoned(DesiredState desired, ObservedState observed, Optional<String> stack) {
        List<PolicyAttachment> gone = new ArrayList<>();
        if (stack.isEmpty()) {
            return gone; // without a stack name there is no telling whose attachment it was
        }
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            if (desired.loadBalancers().containsKey(lb.name())) {
                continue;
            }
            for (Map.Entry<String, String> tag : lb.tags().entrySet()) {
                if (!tag.getKey().startsWith(TAG_PREFIX) || !tag.getValue().equals(stack.get())) {
                    continue;
                }
                String policy = tag.getKey().substring(TAG_PREFIX.length());
                boolean declared = desired.attachments().stream()
                        .anyMatch(a -> a.loadBalancer().equals(lb.name()) && a.policy().name().equals(policy));
                if (!declared) {
                    // The kind does not matter for a deletion; an absent policy only loses its tag.
                    StickinessPolicy existing = lb.policy(policy).filter(StickinessPolicy.class::isInstance)
                            .map(StickinessPolicy.class::cast).orElse(new LbCookiePolicy(policy, 0));
                    gone.add(new PolicyAttachment(lb.name(), existing, List.of(), false));
                }
            }
        }
        return gone;
    }

    /** Sets the tags of the present attachments and removes those of the absent ones. */
    void planTags(String lb, List<PolicyAttachment> attachments, ObservedLoadBalancer observed) {
        SortedMap<String, String> toAdd = new TreeMap<>();
        List<String> toRemove = new ArrayList<>();
        for (PolicyAttachment attachment : attachments) {
            String key = tagKey(attachment.policy().name());
            if (attachment.present() && !stackValue.equals(observed.tags().get(key))) {
                toAdd.put(key, stackValue);
            } else if (!attachment.present() && observed.tags().containsKey(key)) {
                toRemove.add(key);
            }
        }
        if (toAdd.isEmpty() && toRemove.isEmpty()) {
            return;
        }
        Address address = Address.tags(lb);
        if (!toAdd.isEmpty()) {
            plan.step(address, new AddTags(lb, toAdd), List.of());
        }
        if (!toRemove.isEmpty()) {
            plan.step(address, new RemoveTags(lb, toRemove), List.of());
        }
        SortedMap<String, Object> before = new TreeMap<>();
        SortedMap<String, Object> after = new TreeMap<>();
        for (String key : new TreeSet<>(concat(toAdd.keySet(), toRemove))) {
            if (observed.tags().containsKey(key)) {
                before.put(key, observed.tags().get(key));
            }
            if (toAdd.containsKey(key)) {
                after.put(key, toAdd.get(key));
            }
        }
        plan.change(Change.of(address, Action.UPDATE, before, after,
                "attach mode: the tag tells the owner's stack the policy is not an orphan"));
    }

    private static List<String> concat(Set<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
