package io.elbreconcile.reconcile;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.spec.EnclosingTarget;
import io.elbreconcile.spec.SpecLoader;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads a command's input while its target opens in the background: invalid input abandons the
 * target before any request is made, so it costs no call.
 */
public final class InputLoading {

    private final Supplier<Set<String>> knownRegions;

    /** @param knownRegions the regions a Target document may name */
    public InputLoading(Supplier<Set<String>> knownRegions) {
        this.knownRegions = knownRegions;
    }

    /**
     * The input with its open target; an input holding Target documents comes back as its shards,
     * and the opening is abandoned: the command line's target is not wanted (and may not even
     * resolve: no region).
     *
     * @param stack when present, an empty directory is valid: the stack's load balancers are all to go
     */
    public Input load(Path path, Optional<String> stack, Opening opening) {
        SpecLoader.Loaded loaded;
        try {
            loaded = new SpecLoader(knownRegions).load(path, stack.isPresent());
        } catch (RuntimeException invalid) {
            opening.abandon();
            throw invalid;
        }
        if (loaded.targeted()) {
            opening.abandon();
            return new Input(null, loaded.shards(), loaded.inputs());
        }
        try {
            refuseBelowATarget(path);
        } catch (RuntimeException below) {
            opening.abandon();
            throw below;
        }
        return new Input(new ConnectedInput(loaded.state(), loaded.inputs(), opening.await()), loaded.shards(), loaded.inputs());
    }

    /** As {@link #load}, for a command that runs over one target only: Target documents are refused. */
    public ConnectedInput loadOneTarget(Path path, Optional<String> stack, Opening opening) {
        SpecLoader.Loaded desired;
        try {
            desired = new SpecLoader(knownRegions).load(path, stack.isPresent());
            desired.state();
            refuseBelowATarget(path);
        } catch (RuntimeException invalid) {
            opening.abandon();
            throw invalid;
        }
        return new ConnectedInput(desired.state(), desired.inputs(), opening.await());
    }

    /**
     * An input without Target documents that lies below one belongs to that target: reconciling
     * it against the command line's target could reach another account or region.
     */
    private static void refuseBelowATarget(Path path) {
        EnclosingTarget.above(path).ifPresent(target -> {
            throw new UserFacingException(path + " lies below the Target document at " + target + ", which its documents"
                    + " belong to; run on that Target's directory (or the repository's root with --only-target NAME)");
        });
    }
}
