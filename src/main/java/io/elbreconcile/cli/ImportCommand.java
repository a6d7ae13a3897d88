package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.importer.Importer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.observe.Scope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        description = "Write YAML for existing load balancers (listeners, health check, non-default attributes, tags, cookie policies) so that plan on it shows no change.",
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
            Observer observer = new Observer(connection.port());
            observed = selection.all
                    ? observer.observe(DesiredState.empty(), Scope.all())
                    : observer.observeNames(new TreeSet<>(selection.names), true);
        }
        List<ObservedLoadBalancer> chosen = new ArrayList<>();
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            if (stack == null || stack.equals(lb.tags().get(Observer.STACK_TAG))) {
                chosen.add(lb);
            }
        }
        if (!selection.all) {
            for (String name : new TreeSet<>(selection.names)) {
                if (!observed.loadBalancers().containsKey(name)) {
                    throw new UserFacingException("load balancer '" + name + "' does not exist on " + describe(target));
                }
            }
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

    private void write(List<Importer.ImportedFile> files) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserFacingException("--out " + out + " is a file; give a directory (it is created if missing)");
        }
        try {
            Files.createDirectories(out);
            for (Importer.ImportedFile file : files) {
                if (Files.exists(out.resolve(file.fileName()))) {
                    throw new UserFacingException(out.resolve(file.fileName()) + " already exists; nothing was written"
                            + " (import into an empty directory, or move the file away)");
                }
            }
            for (Importer.ImportedFile file : files) {
                AtomicFile.write(file.yaml().stripTrailing() + "\n", out.resolve(file.fileName()));
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write into " + out + ": " + e.getMessage());
        }
    }

    private static String describe(TargetOptions target) {
        return target.usesEmbeddedEmulator() ? "the emulator (" + target.emulatorStateFile() + ")"
                : target.endpointUrl != null ? target.endpointUrl : "the target";
    }
}
