package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.reconcile.SavedPlanCheck;

import java.util.Map;
import java.util.Optional;

/** The key of saved plans' MACs: {@code ELB_RECONCILE_PLAN_KEY}, shared by the jobs that plan and apply. */
final class PlanKey {

    static final String VARIABLE = SavedPlanCheck.KEY_VARIABLE;

    private PlanKey() {
    }

    static Optional<String> from(Map<String, String> env) {
        String key = env.get(VARIABLE);
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty()) {
            // An empty key would sign with nothing: fail closed rather than guess whether it was meant.
            throw new UserFacingException(VARIABLE + " is set but empty: set it to the shared key, or unset it");
        }
        return Optional.of(key);
    }
}
