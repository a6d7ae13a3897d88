package io.elbreconcile.plan;

/** How a policy whose attributes changed is replaced while listeners use it. */
public enum ReplaceStrategy {
    /**
     * Temporary policy with the new attributes, swap, re-create the original name, swap back,
     * remove the temporary one: every listener keeps a stickiness policy throughout.
     */
    ZERO_GAP,
    /** Detach, delete, create, attach: stickiness is off for a moment. Two fewer calls per listener. */
    DIRECT
}
