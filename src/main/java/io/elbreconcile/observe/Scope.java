package io.elbreconcile.observe;

import java.util.Objects;

/**
 * Which load balancers an observation must find besides the declared and attach-mode ones.
 *
 * @param stack when not null, also every load balancer tagged {@code elb-reconcile:stack=<stack>}
 * @param wholeRegion every load balancer of the target, with tags and attributes (for import)
 */
public record Scope(String stack, boolean wholeRegion) {

    public Scope {
        if (stack != null && stack.isBlank()) {
            throw new IllegalArgumentException("stack name must not be blank");
        }
    }

    /** Only what the desired state names: the cheapest observation. */
    public static Scope declared() {
        return new Scope(null, false);
    }

    /**
     * Also the load balancers of this stack that no document declares. Costs a full listing:
     * {@code ceil(T/400)} pages and {@code ceil(T/20)} DescribeTags for T load balancers in the
     * region, since AWS cannot filter by tag.
     */
    public static Scope stack(String name) {
        return new Scope(Objects.requireNonNull(name, "name"), false);
    }

    /** Everything in the region, with attributes: {@code ceil(T/400) + ceil(T/20) + T} calls. */
    public static Scope all() {
        return new Scope(null, true);
    }

    boolean listsAll() {
        return wholeRegion || stack != null;
    }
}
