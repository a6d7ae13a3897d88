package io.elbreconcile.model;

/**
 * Tag keys a user may not declare: AWS's own ({@code aws:}) and the ones this tool sets on what it
 * manages ({@code elb-reconcile:}), spelled here once for the planner that writes them, the
 * observer and importer that read them, and the spec check that refuses them.
 * TODO(#13): the protect key moves here too once the saved-plan work (#12) has settled where it reads it.
 */
public final class ReservedTags {

    /** Marks a load balancer as managed by the stack named in the value ({@code --stack}). */
    public static final String STACK = "elb-reconcile:stack";

    private static final String AWS_PREFIX = "aws:";
    private static final String TOOL_PREFIX = "elb-reconcile:";

    private ReservedTags() {
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
