package io.elbreconcile.reconcile;

import io.elbreconcile.apply.StalePlanCheck;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.PlanSeal;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.spec.SpecLoader;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a saved plan passes before apply runs it, in this order, each with its own message
 * and all before any mutating call: the MAC (with a key), the recorded files against their digest,
 * the command line's options against the plan's, then against the live target: the same target,
 * nothing it read changed, and a fresh plan of the recorded input exactly equal to the saved one.
 * A saved plan over several targets passes them for each of its targets.
 */
public final class SavedPlanCheck {

    /** The environment variable holding the key of saved plans' MACs. */
    public static final String KEY_VARIABLE = "ELB_RECONCILE_PLAN_KEY";

    private SavedPlanCheck() {
    }

    /**
     * Why a saved file's MAC does not let it be applied under this key, or empty when it does. A
     * file signed to be checked is refused without a key: applying it unchecked would hide a
     * misconfigured job.
     *
     * @param mac the file's MAC, or null when it carries none
     * @param text the file's whole text, from which the signed canonical content is taken
     */
    public static Optional<String> macProblem(Optional<String> key, String mac, String text, String source) {
        if (key.isEmpty()) {
            return mac == null ? Optional.empty()
                    : Optional.of("it carries a MAC but " + KEY_VARIABLE + " is not set to check it");
        }
        if (mac == null) {
            return Optional.of(KEY_VARIABLE + " is set but the plan carries no MAC (save it with the key set)");
        }
        if (!PlanSeal.matches(key.get(), new PlanCodec().canonicalContent(text, source), mac)) {
            return Optional.of("its MAC does not match " + KEY_VARIABLE + " (the file was changed, or signed with another key)");
        }
        return Optional.empty();
    }

    /** Why the plan's recorded files or options do not let it be applied with these options; empty when they do. */
    public static Optional<String> recordedProblem(SavedPlan saved, PlanOptions options) {
        if (!saved.inputsMatchDigest()) {
            return Optional.of("desiredState.digest does not match the recorded files (the file was edited)");
        }
        return SavedPlanOptions.mismatch(saved.plan().options(), options);
    }

    /** The plan's recorded files, loaded again; with a stack, no file is the empty state. */
    public static SpecLoader.Loaded recordedInput(SavedPlan saved, PlanOptions options) {
        return new SpecLoader().loadRecorded(saved.inputs(), options.stack().isPresent());
    }

    /**
     * Checks the plan against the live target: another target is refused before anything is
     * read; then what the plan read is read again (only what its {@code --target}s may cover), and
     * its recorded input planned afresh.
     */
    public static SavedPlanVerdict verify(SavedPlan saved, DesiredState desired, OpenTarget target, PlanOptions options) {
        if (!saved.plan().target().sameAs(target.target())) {
            return new SavedPlanVerdict.Stale(StalePlanCheck.problems(saved.plan(), target.target(), ObservedState.empty()));
        }
        DesiredState read = Planning.read(desired, options);
        ObservedState observed = Observation.observe(target.port(), read, options.stack());
        Set<String> lookedUp = Observation.lookedUp(read);
        // A fingerprint outside what was read again is not staleness but an edit, which the comparison reports.
        List<String> stale = StalePlanCheck.problems(saved.plan(), target.target(), observed,
                name -> options.stack().isPresent() || lookedUp.contains(name) || observed.loadBalancers().containsKey(name));
        if (!stale.isEmpty()) {
            return new SavedPlanVerdict.Stale(stale);
        }
        Planned fresh = Planning.planned(target, desired, observed, lookedUp, options);
        Optional<String> difference = new PlanCodec().firstDifference(saved, fresh.plan());
        return difference.<SavedPlanVerdict>map(SavedPlanVerdict.Differs::new).orElseGet(() -> new SavedPlanVerdict.Holds(fresh));
    }
}
