package io.elbreconcile.plan;

import java.util.Collection;

/** Counts of the changes carried out, by action; plus steps, and the changes held back (counted apart). */
public record PlanSummary(int create, int update, int replace, int delete, int noop, int steps, int heldBack) {

    public static PlanSummary of(Collection<Change> changes, int steps, int heldBack) {
        int create = 0;
        int update = 0;
        int replace = 0;
        int delete = 0;
        int noop = 0;
        for (Change change : changes) {
            if (change.isHeldBack()) {
                continue;
            }
            switch (change.action()) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case REPLACE -> replace++;
                case DELETE -> delete++;
                case NOOP -> noop++;
            }
        }
        return new PlanSummary(create, update, replace, delete, noop, steps, heldBack);
    }

    public boolean hasChanges() {
        return steps > 0;
    }
}
