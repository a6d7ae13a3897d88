package io.elbreconcile.cli;

import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.importer.Importer;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Names;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.reconcile.Observation;
import io.elbreconcile.spec.SpecLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code import}: YAML for what already exists, so that plan on it shows no change. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "import",
        description = "Write YAML for existing load balancers (listeners, health check, non-default attributes, tags, policies and the lists that enable them) so that plan on it shows no change.",
        footer = {"",
                "Examples:",
                "  elb-reconcile import --load-balancer web --load-balancer api --out policies/",
                "  elb-reconcile import --all --stack prod --out policies/",
                "  elb-reconcile import --all > fleet.yaml",
                "",
                "Without --out the YAML goes to stdout. Existing files are never overwritten.",
                "Exit codes: 0 written, 1 error."})
final class ImportCommand implements Callable<Integer> {

    static final class Selection {
        @Option(names = "--load-balancer", paramLabel = "NAME", required = true, description = "A load balancer to import (repeatable).")
        List<String> names;

        @Option(names = "--all", required = true, description = "Every load balancer of the target.")
        boolean all;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--stack", paramLabel = "NAME", description = "With --all: only the load balancers tagged elb-reconcile:stack=NAME.")
    String stack;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one NAME.yaml per load balancer into DIR.")
    Path out;

    @Override
    public Integer call() {
        if (stack != null && !selection.all) {
            throw new UserFacingException("--stack selects among --all; with --load-balancer the names already say what to import");
        }
        ObservedState observed;
        try (Connection connection = Connection.open(target)) {
            observed = selection.all
                    ? Observation.everything(connection.port())
                    : Observation.named(connection.port(), new TreeSet<>(selection.names));
        }
        List<ObservedLoadBalancer> chosen = new ArrayList<>();
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            if (stack == null || stack.equals(lb.tags().get(ReservedTags.STACK))) {
                chosen.add(lb);
            }
        }
        if (!selection.all) {
            for (String name : new TreeSet<>(selection.names)) {
                if (!observed.loadBalancers().containsKey(name)) {
                    throw new UserFacingException("load balancer " + Printable.quoted(name) + " does not exist on " + describe(target));
                }
            }
        }
        for (ObservedLoadBalancer lb : chosen) {
            // The name becomes a file name under --out: only a valid one may (AWS's own rule, fact 6).
            Names.loadBalancerNameProblem(lb.name()).ifPresent(problem -> {
                throw new UserFacingException(describe(target) + " returned a load balancer whose name is not valid: "
                        + problem + "; nothing was written");
            });
        }
        Importer importer = new Importer();
        List<Importer.ImportedFile> files = chosen.stream().map(importer::render).toList();
        PrintWriter err = spec.commandLine().getErr();
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            for (int i = 0; i < files.size(); i++) {
                stdout.print((i == 0 ? "" : "---\n") + files.get(i).yaml());
            }
            stdout.flush();
        } else {
            write(files);
            files.forEach(file -> err.println("wrote " + out.resolve(file.fileName())));
        }
        files.forEach(file -> file.notes().forEach(note -> err.println("note: " + file.loadBalancer() + ": " + note)));
        err.println("Imported " + files.size() + " load balancer" + (files.size() == 1 ? "" : "s") + ".");
        return ExitCodes.OK;
    }

    /**
     * Importing into a repository that declares the load balancer already would write a second
     * declaration, which validate then rejects: say where the first one is, and write nothing.
     */
    private void refuseWhatIsDeclaredAlready(List<Importer.ImportedFile> files) {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<DesiredState> declaredPerTarget;
        try {
            // A directory of Target documents: a name declared in any of its targets counts.
            declaredPerTarget = new SpecLoader().load(out, true).shards().stream().map(io.elbreconcile.model.Shard::desired).toList();
        } catch (InvalidInputException invalid) {
            throw new UserFacingException("cannot tell whether " + out + " declares these load balancers already ("
                    + invalid.diagnostics().items().get(0).render() + "); nothing was written");
        }
        List<String> already = new ArrayList<>();
        for (Importer.ImportedFile file : files) {
            declaredPerTarget.stream().flatMap(declared -> declared.originOf(Address.loadBalancer(file.loadBalancer())).stream())
                    .findFirst().ifPresent(at -> already.add(Printable.quoted(file.loadBalancer()) + " is already declared at " + at));
        }
        if (!already.isEmpty()) {
            throw new UserFacingException("load balancer " + String.join(", ", already) + "; nothing was written"
                    + " (edit that file, or import into another directory)");
        }
    }

    private void write(List<Importer.ImportedFile> files) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserFacingException("--out " + out + " is a file; give a directory (it is created if missing)");
        }
        try {
            Files.createDirectories(out);
            for (Importer.ImportedFile file : files) {
                Path destination = insideOut(file.fileName());
                // NOFOLLOW: a link already there, even a dangling one, could lead the write elsewhere.
                if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UserFacingException(destination + " already exists; nothing was written"
                            + " (import into an empty directory, or move the file away)");
                }
            }
            refuseWhatIsDeclaredAlready(files);
            for (Importer.ImportedFile file : files) {
                AtomicFile.write(file.yaml().stripTrailing() + "\n", insideOut(file.fileName()));
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write into " + out + ": " + e.getMessage());
        }
    }

    /**
     * {@code --out/NAME}, checked to be directly inside {@code --out} both as written and after
     * resolving links: the name came from the target, and a name is all it takes to write elsewhere.
     */
    private Path insideOut(String fileName) throws IOException {
        Path directory = out.toAbsolutePath().normalize();
        Path destination = directory.resolve(fileName).normalize();
        if (!directory.equals(destination.getParent())
                || !out.toRealPath().equals(destination.getParent().toRealPath())) {
            throw new UserFacingException("refusing to write " + Printable.quoted(fileName) + " outside --out " + out
                    + "; nothing was written");
        }
        return out.resolve(destination.getFileName());
    }

    private static String describe(TargetOptions target) {
        return target.usesEmbeddedEmulator() ? "the emulator (" + target.emulatorStateFile() + ")"
                : target.endpointUrl != null ? target.endpointUrl : "the target";
    }
}
