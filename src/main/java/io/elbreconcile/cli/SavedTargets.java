package io.elbreconcile.cli;

import io.elbreconcile.cli.view.Style;
import io.elbreconcile.cli.view.TargetGroupView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.Shard;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.plan.SavedPlanSet;
import io.elbreconcile.reconcile.Planned;
import io.elbreconcile.reconcile.SavedPlanCheck;
import io.elbreconcile.shard.TargetOutcome;
import io.elbreconcile.spec.SpecLoader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code apply PLANFILE} of a plan saved over Target documents: every target's recorded plan is
 * checked as one target's saved plan is (MAC over the whole file, digest, options, target, staleness,
 * then the whole plan against a fresh one of its recorded input), and only when every target passes
 * is anything applied: a plan is a commitment for all of its targets or for none.
 */
record SavedTargets(Path path, PrintWriter err) {

    int apply(SavedPlanSet set, Optional<String> key, PlanOptions options, boolean allowDelete, int parallelism,
              TargetOptions target, TargetSelection selection, BooleanSupplier approved, Style style, PrintWriter out) {
        checkMac(set, key);
        Map<String, SavedPlan> byName = new java.util.HashMap<>();
        List<Shard> shards = new ArrayList<>();
        for (SavedPlanSet.Entry entry : set.targets()) {
            SavedPlan saved = entry.saved();
            SavedPlanCheck.recordedProblem(saved, options).ifPresent(problem -> {
                throw refused("target " + entry.name() + ": " + problem);
            });
            SpecLoader.Loaded recorded = SavedPlanCheck.recordedInput(saved, options);
            if (recorded.shards().size() != 1 || !recorded.shards().get(0).name().equals(entry.name())) {
                throw refused("target " + entry.name() + ": its recorded files do not declare exactly that one target");
            }
            shards.add(recorded.shards().get(0));
            byName.put(entry.name(), saved);
        }
        try (TargetedRun run = TargetedRun.start(shards, target, selection)) {
            List<TargetOutcome<Planned>> verified = run.each((shard, connection, none) ->
                    SavedPlanCheck.verify(byName.get(shard.name()), shard.desired(), connection, options).match(fresh -> fresh,
                            stale -> {
                                throw new UserFacingException(String.join("; ", stale));
                            }, differs -> {
                                throw new UserFacingException(differs);
                            }));
            if (verified.stream().anyMatch(outcome -> outcome.value().isEmpty())) {
                out.print(new TargetGroupView().text(run.sections(verified.stream().map(TargetedCommands::planOf).toList(),
                        plan -> "the saved plan holds for this target\n"), style));
                out.flush();
                throw refused("a target's saved plan is stale, for another target or edited (see above)");
            }
            return TargetedCommands.applyPlanned(run, verified, allowDelete, parallelism, approved, style, out, err);
        }
    }

    private void checkMac(SavedPlanSet set, Optional<String> key) {
        SavedPlanCheck.macProblem(key, set.mac(), set.text(), path.toString()).ifPresent(problem -> {
            throw refused(problem);
        });
    }

    private UserFacingException refused(String why) {
        err.flush();
        return SavedPlanApply.refused(path, why);
    }
}
