package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.plan.SavedPlanSet;
import io.elbreconcile.reconcile.SavedPlanCheck;
import io.elbreconcile.reconcile.Planned;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code apply PLANFILE}: a saved plan runs only as the plan its recorded input gives now. The
 * checks are {@link SavedPlanCheck}'s, in its order; this class turns each refusal into the
 * command's message and runs what passed. A file over several targets goes to {@link SavedTargets}.
 */
final class SavedPlanApply {

    private final Path path;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    SavedPlanApply(Path path, Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.path = path;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** A saved plan is JSON; YAML input never starts with '{' in practice, and directories are never plans. */
    static boolean isPlanFile(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) != -1 && Character.isWhitespace(c)) {
                // skip leading blanks
            }
            return c == '{';
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    int apply(ApplyCommand command) {
        String text = readText(path);
        if (SavedPlanSet.isSet(text)) {
            SavedPlanSet set;
            try {
                set = SavedPlanSet.read(text, path.toString());
            } catch (PlanCodec.UnreadablePlanException e) {
                throw new UserFacingException(e.getMessage());
            }
            return new SavedTargets(path, err).apply(set, PlanKey.from(env), command.planning.toPlanOptions(),
                    command.planning.allowDelete, command.parallelism, command.target, command.shardSelection,
                    () -> command.confirmation(out).granted(Confirmation.forTargets(set.targets().size())),
                    Terminal.style(command.common), out);
        }
        SavedPlan saved = readPlan(path);
        SavedPlanCheck.macProblem(PlanKey.from(env), saved.mac(), saved.text(), path.toString()).ifPresent(problem -> {
            throw refused(path, problem);
        });
        PlanOptions options = command.planning.toPlanOptions();
        SavedPlanCheck.recordedProblem(saved, options).ifPresent(problem -> {
            throw refused(path, problem);
        });
        DesiredState desired = SavedPlanCheck.recordedInput(saved, options).state();
        try (Connection connection = Connection.open(command.target)) {
            Planned fresh = SavedPlanCheck.verify(saved, desired, connection, options).match(planned -> planned,
                    stale -> {
                        throw refusedAsStale(stale);
                    }, differs -> {
                        throw refused(path, differs);
                    });
            return command.singleTarget(out, err).execute(fresh.plan(), fresh.safeguards(command.planning.allowDelete),
                    connection.port());
        }
    }

    static UserFacingException refused(Path path, String why) {
        return new UserFacingException("refusing to apply " + path + ": " + why + "; nothing was changed");
    }

    private UserFacingException refusedAsStale(List<String> problems) {
        problems.forEach(problem -> err.println("error: " + problem));
        return new UserFacingException("refusing to apply " + path + ": the plan is stale or for another target;"
                + " nothing was changed (run plan again)");
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static SavedPlan readPlan(Path file) {
        try {
            return new PlanCodec().readSaved(PlanFileText.read(file), file.toString());
        } catch (PlanCodec.UnreadablePlanException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
