package io.elbreconcile.cli;

import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.Shard;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which of the input's Target documents a command runs, and how many at once (PRODUCT.md section 16). */
final class TargetSelection {

    static final int DEFAULT_PARALLELISM = 4;

    @Option(names = "--only-target", paramLabel = "NAME",
            description = "Run only this Target document's directory (repeatable). Default: every target.")
    List<String> only = new ArrayList<>();

    @Option(names = "--target-parallelism", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLELISM,
            description = "With several Target documents, run at most N targets at once (default: "
                    + DEFAULT_PARALLELISM + ").")
    int parallelism = DEFAULT_PARALLELISM;

    int parallelism() {
        if (parallelism < 1) {
            throw new UserFacingException("--target-parallelism must be at least 1, not " + parallelism);
        }
        return parallelism;
    }

    /** The shards selected, in target-name order; every name given must be a target of the input. */
    List<Shard> select(List<Shard> shards, boolean targeted) {
        parallelism();
        if (only.isEmpty()) {
            return shards;
        }
        if (!targeted) {
            throw new UserFacingException("--only-target: the input holds no Target document");
        }
        Set<String> names = new TreeSet<>();
        shards.forEach(shard -> names.add(shard.name()));
        for (String name : only) {
            if (!names.contains(name)) {
                throw new UserFacingException("--only-target " + Printable.quoted(name) + ": no such target; the input's targets are "
                        + String.join(", ", names));
            }
        }
        return shards.stream().filter(shard -> only.contains(shard.name())).toList();
    }
}
