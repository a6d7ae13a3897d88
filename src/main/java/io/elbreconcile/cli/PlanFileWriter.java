package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.InputText;
import io.elbreconcile.model.Shard;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.SavedPlanSet;
import io.elbreconcile.reconcile.Input;
import io.elbreconcile.shard.TargetOutcome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan --out FILE}: the plan with the input it was made from, signed when a key is set,
 * and one line on stderr saying how to apply it.
 *
 * @param key the MAC's key ({@code ELB_RECONCILE_PLAN_KEY}), when set
 */
record PlanFileWriter(Path out, Optional<String> key, PrintWriter err) {

    /** @param applyOptions what the apply command line needs besides the file, with its leading blank, or "" */
    void saveOne(Plan plan, List<InputText> inputs, String applyOptions) {
        AtomicFile.write(new PlanCodec().writeSaved(plan, inputs, key.orElse(null)) + "\n", out);
        err.println("Saved the plan to " + out + "; apply it with: elb-reconcile apply "
                + TargetOptions.shellWord(out.toString()) + applyOptions);
    }

    /** Every target's plan in one file, or none when a target could not be planned. */
    void saveTargets(List<Shard> shards, Input input, List<TargetOutcome<Plan>> plans, String applyOptions) {
        List<SavedPlanSet.Part> parts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            TargetOutcome<Plan> outcome = plans.get(i);
            if (outcome instanceof TargetOutcome.Failed<Plan> failed) {
                throw new UserFacingException("the plan was not saved to " + out + ": target " + failed.target()
                        + " could not be planned");
            }
            Shard shard = shards.get(i);
            parts.add(new SavedPlanSet.Part(shard.name(), outcome.value().orElseThrow(), input.inputsOf(shard)));
        }
        AtomicFile.write(SavedPlanSet.write(parts, key.orElse(null)), out);
        err.println("Saved the plan of " + parts.size() + " target" + (parts.size() == 1 ? "" : "s")
                + " to " + out + "; apply it with: elb-reconcile apply " + TargetOptions.shellWord(out.toString()) + applyOptions);
    }
}
