package io.elbreconcile.cli;

import io.elbreconcile.apply.StalePlanCheck;
import io.elbreconcile.cli.view.Style;
import io.elbreconcile.cli.view.TargetGroupView;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Shard;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.plan.SavedPlanSet;
import io.elbreconcile.shard.TargetOutcome;
import io.elbreconcile.spec.SpecLoader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code apply PLANFILE} of a plan saved over Target documents: every target's recorded plan is
 * checked as one target's saved plan is (MAC over the whole file, digest, options, target, staleness,
 * then the whole plan against a fresh one of its recorded input), and only when every target passes
 * is anything applied: a plan is a commitment for all of its targets or for none.
 */
final class SavedTargets {

    private final Path path;
    private final PrintWriter err;

    SavedTargets(Path path, PrintWriter err) {
        this.path = path;
        this.err = err;
    }

    int apply(SavedPlanSet set, Optional<String> key, PlanOptions options, boolean allowDelete, int parallelism,
              TargetOptions target, TargetSelection selection, BooleanSupplier approved, Style style, PrintWriter out) {
        checkMac(set, key);
        Map<String, SavedPlan> byName = new java.util.HashMap<>();
        List<Shard> shards = new ArrayList<>();
        for (SavedPlanSet.Entry entry : set.targets()) {
            SavedPlan saved = entry.saved();
            if (!saved.inputsMatchDigest()) {
                throw refused("target " + entry.name() + ": desiredState.digest does not match the recorded files (the file was edited)");
            }
            SavedPlanOptions.mismatch(saved.plan().options(), options).ifPresent(mismatch -> {
                throw refused("target " + entry.name() + ": " + mismatch);
            });
            SpecLoader.Loaded recorded = new SpecLoader().loadRecorded(saved.inputs(), options.stack().isPresent());
            if (recorded.shards().size() != 1 || !recorded.shards().get(0).name().equals(entry.name())) {
                throw refused("target " + entry.name() + ": its recorded files do not declare exactly that one target");
            }
            shards.add(recorded.shards().get(0));
            byName.put(entry.name(), saved);
        }
        try (TargetedRun run = TargetedRun.start(shards, target, selection)) {
            List<TargetOutcome<Reconciliation.Planned>> verified = run.each((shard, connection, none) ->
                    verified(byName.get(shard.name()), shard.desired(), connection, options));
            if (verified.stream().anyMatch(outcome -> outcome.value().isEmpty())) {
                out.print(new TargetGroupView().text(run.sections(verified.stream().map(TargetedCommands::planOf).toList(),
                        plan -> "the saved plan holds for this target\n"), style));
                out.flush();
                throw refused("a target's saved plan is stale, for another target or edited (see above)");
            }
            return TargetedCommands.applyPlanned(run, verified, allowDelete, parallelism, approved, style, out, err);
        }
    }

    /** The fresh plan of one target, when it is exactly its saved plan; otherwise a failure naming the first problem. */
    private static Reconciliation.Planned verified(SavedPlan saved, DesiredState desired, Connection connection, PlanOptions options) {
        if (!saved.plan().target().sameAs(connection.target())) {
            throw new UserFacingException(String.join("; ", StalePlanCheck.problems(saved.plan(), connection.target(), ObservedState.empty())));
        }
        ObservedState observed = Reconciliation.observe(connection, desired, options.stack());
        Set<String> lookedUp = Reconciliation.lookedUp(desired);
        List<String> stale = StalePlanCheck.problems(saved.plan(), connection.target(), observed,
                name -> options.stack().isPresent() || lookedUp.contains(name) || observed.loadBalancers().containsKey(name));
        if (!stale.isEmpty()) {
            throw new UserFacingException(String.join("; ", stale));
        }
        Plan fresh = new Planner().plan(desired, observed, options, connection.target());
        new PlanCodec().firstDifference(saved, fresh).ifPresent(difference -> {
            throw new UserFacingException("saved plan differs from a fresh plan of its recorded desired state at " + difference
                    + " (was the file edited?)");
        });
        return new Reconciliation.Planned(fresh, observed, lookedUp);
    }

    private void checkMac(SavedPlanSet set, Optional<String> key) {
        PlanKey.macProblem(key, set.mac(), set.text(), path.toString()).ifPresent(problem -> {
            throw refused(problem);
        });
    }

    private UserFacingException refused(String why) {
        err.flush();
        return new UserFacingException("refusing to apply " + path + ": " + why + "; nothing was changed");
    }
}
