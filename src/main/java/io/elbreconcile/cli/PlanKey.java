package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanSeal;

import java.util.Map;
import java.util.Optional;

/** The key of saved plans' MACs: {@code ELB_RECONCILE_PLAN_KEY}, shared by the jobs that plan and apply. */
final class PlanKey {

    static final String VARIABLE = "ELB_RECONCILE_PLAN_KEY";

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

    /**
     * Why a saved file's MAC does not let it be applied under this key, or empty when it does. A
     * file signed to be checked is refused without a key: applying it unchecked would hide a
     * misconfigured job.
     *
     * @param mac the file's MAC, or null when it carries none
     * @param text the file's whole text, from which the signed canonical content is taken
     */
    static Optional<String> macProblem(Optional<String> key, String mac, String text, String source) {
        if (key.isEmpty()) {
            return mac == null ? Optional.empty()
                    : Optional.of("it carries a MAC but " + VARIABLE + " is not set to check it");
        }
        if (mac == null) {
            return Optional.of(VARIABLE + " is set but the plan carries no MAC (save it with the key set)");
        }
        if (!PlanSeal.matches(key.get(), new PlanCodec().canonicalContent(text, source), mac)) {
            return Optional.of("its MAC does not match " + VARIABLE + " (the file was changed, or signed with another key)");
        }
        return Optional.empty();
    }
}
