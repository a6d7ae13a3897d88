package io.elbreconcile.model;

/**
 * Tag keys a user may not declare: AWS's own ({@code aws:}) and the ones this tool sets on what it
 * manages ({@code elb-reconcile:}), spelled here once for the planner that writes them, the
 * observer and importer that read them, and the spec check that refuses them.
 */
public final class ReservedTags {

    /** Marks a load balancer as managed by the stack named in the value ({@code --stack}). */
    public static final String STACK = "elb-reconcile:stack";

    /**
     * Marks a load balancer this tool must never delete, replace or unprotect. Fail closed: any
     * value but exactly {@code false} protects ({@code True}, {@code yes}, an empty value...).
     */
    public static final String PROTECT = "elb-reconcile:protect";

    /**
     * Attach mode across stacks: {@code elb-reconcile:attach:<policy>} = the attaching stack, on the
     * load balancer another stack owns (PRODUCT.md section 13).
     */
    public static final String ATTACH_PREFIX = "elb-reconcile:attach:";

    private static final String AWS_PREFIX = "aws:";
    private static final String TOOL_PREFIX = "elb-reconcile:";

    private ReservedTags() {
    }

    /** Whether live tags protect their load balancer: a protect tag with any value but exactly {@code false}. */
    public static boolean isProtected(java.util.Map<String, String> tags) {
        String value = tags.get(PROTECT);
        return value != null && !value.equals("false");
    }

    public static String attachKey(String policy) {
        return ATTACH_PREFIX + policy;
    }

    public static boolean isAttach(String key) {
        return key.startsWith(ATTACH_PREFIX);
    }

    public static boolean isReserved(String key) {
        return isAws(key) || isTool(key);
    }

    public static boolean isAws(String key) {
        return key.startsWith(AWS_PREFIX);
    }

    /** One of this tool's bookkeeping keys. */
    public static boolean isTool(String key) {
        return key.startsWith(TOOL_PREFIX);
    }
}
