package io.elbreconcile.plan;

import java.util.Objects;

/**
 * Why a change the plan shows is not carried out, and what would let it through. A held-back change
 * keeps its real action (a deletion stays a deletion) but has no steps, so CI sees the difference
 * ({@code plan --detailed-exitcode}, {@code apply} exit 2) while nothing destructive happens.
 *
 * @param reason for people, e.g. "deleting a load balancer needs --allow-delete"
 * @param needs what a user must do or pass: a flag ({@code --allow-delete}) or a change in the YAML
 */
public record HeldBack(String reason, String needs) {

    /** What a deletion or replacement needs when the only obstacle is the missing flag. */
    public static final String ALLOW_DELETE = "--allow-delete";

    public HeldBack {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(needs, "needs");
        if (reason.isBlank() || needs.isBlank()) {
            throw new IllegalArgumentException("a held-back change says why and what it needs");
        }
    }
}
