package io.elbreconcile.spec;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Diagnostics;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.InputText;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.Shard;
import io.elbreconcile.model.StickinessPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the desired state from a file or directory: YAML → schema → documents → cross-document
 * checks → {@link DesiredState}. Every problem of every file is reported together, each at its
 * file, line and column; nothing here touches the network.
 */
public final class SpecLoader {

    private final SchemaCheck schema = SchemaCheck.shared();
    private final YamlReader yaml = new YamlReader();
    private final DocumentReader reader = new DocumentReader();

    /**
     * Compiles the schema and loads the YAML parser on a background thread, so that a command
     * line can be parsed meanwhile: start-up work in parallel rather than in sequence.
     */
    public static void prepareInBackground() {
        Thread preparing = new Thread(() -> {
            SchemaCheck.shared();
            new YamlReader().read(new SourceText("warm-up", "apiVersion: elb-reconcile/v1\n"));
        }, "spec-warm-up");
        preparing.setDaemon(true);
        preparing.start();
    }

    /**
     * What was loaded: one shard per Target document (in target-name order), or a single shard
     * with no target when the input has none; how many files and documents it came from; and the
     * text of each file as it was read (sorted by path), which a saved plan records.
     */
    public record Loaded(List<Shard> shards, int files, int documents, List<InputText> inputs) {
        public Loaded {
            shards = List.copyOf(shards);
            inputs = inputs.stream().sorted().toList();
        }

        /** Whether the input holds Target documents (each shard then names its target). */
        public boolean targeted() {
            return shards.stream().anyMatch(shard -> shard.target().isPresent());
        }

        /**
         * The desired state of an input without Target documents.
         *
         * @throws UserFacingException when the input holds targets: the caller reads one target only
         */
        public DesiredState state() {
            if (targeted()) {
                throw new UserFacingException("the input holds Target documents (" + String.join(", ",
                        shards.stream().map(Shard::name).toList()) + "); this command does not run over Target"
                        + " documents yet (plan, apply, drift and validate do)");
            }
            return shards.get(0).desired();
        }
    }

    private final TargetScopes targetScopes;

    /** A loader that accepts any well-formed region name in Target documents. */
    public SpecLoader() {
        this(Set::of);
    }

    /** @param knownRegions the regions a Target may name (from the SDK's list); empty to accept any well-formed name */
    public SpecLoader(Set<String> knownRegions) {
        this(() -> knownRegions);
    }

    /** As {@link #SpecLoader(Set)}, the list asked for only when the input has Target documents. */
    public SpecLoader(java.util.function.Supplier<Set<String>> knownRegions) {
        this.targetScopes = new TargetScopes(knownRegions);
    }

    /**
     * @throws InvalidInputException with every problem found
     */
    public Loaded load(Path path) {
        return load(path, false);
    }

    /**
     * @param emptyAllowed a directory without YAML files loads as the empty state instead of an error:
     *        with {@code --stack}, that says "everything of this stack goes" (deletions stay held back
     *        without {@code --allow-delete})
     * @throws InvalidInputException with every problem found
     */
    public Loaded load(Path path, boolean emptyAllowed) {
        InputFiles.Found found = InputFiles.under(path, emptyAllowed);
        if (found.files().isEmpty() && found.problems().isEmpty()) {
            return new Loaded(List.of(new Shard(Optional.empty(), DesiredState.empty())), 0, 0, List.of());
        }
        if (found.files().isEmpty()) {
            throw new InvalidInputException(Diagnostics.of(found.problems()));
        }
        // Files are independent until the cross-document checks: read them in parallel (a fleet
        // of 2,000 files is most of a big plan's time), then combine in file order.
        List<FileResult> results = found.files().parallelStream().map(this::readFile).toList();
        return combine(results, found.problems());
    }

    /**
     * The desired state of input texts recorded earlier (by a saved plan), checked exactly as
     * files are: the same parser, schema and cross-document checks, and the same locations.
     *
     * @throws InvalidInputException with every problem found
     */
    public Loaded loadRecorded(List<InputText> inputs) {
        return loadRecorded(inputs, false);
    }

    /**
     * As {@link #loadRecorded(List)}; with {@code emptyAllowed} (a stack), no recorded file is the
     * empty state, as an empty directory is when the plan was made.
     */
    public Loaded loadRecorded(List<InputText> inputs, boolean emptyAllowed) {
        if (inputs.isEmpty() && emptyAllowed) {
            return new Loaded(List.of(new Shard(Optional.empty(), DesiredState.empty())), 0, 0, List.of());
        }
        if (inputs.isEmpty()) {
            throw new InvalidInputException(Diagnostics.of(List.of(Diagnostic.at(SourceLocation.startOf("<recorded input>"),
                    "no input files recorded"))));
        }
        List<FileResult> results = inputs.stream().sorted().map(input -> {
            List<Diagnostic> problems = new ArrayList<>();
            byte[] bytes = input.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Optional<Diagnostic> tooLarge = SourceText.sizeProblem(input.path(), bytes.length);
            if (tooLarge.isPresent()) {
                return new FileResult(List.of(), List.of(tooLarge.get()), false, null);
            }
            return check(parseText(input.path(), bytes, problems), problems);
        }).toList();
        return combine(results, List.of());
    }

    /** @param refused problems of files refused before reading, reported with the rest (their documents are unknown) */
    private Loaded combine(List<FileResult> results, List<Diagnostic> refused) {
        List<Diagnostic> problems = new ArrayList<>(refused);
        List<SpecDocument> documents = new ArrayList<>();
        boolean complete = refused.isEmpty();
        for (FileResult result : results) {
            problems.addAll(result.problems());
            documents.addAll(result.documents());
            complete &= result.complete();
        }
        List<Shard> shards = shards(documents, complete, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Diagnostics.of(problems));
        }
        List<InputText> inputs = results.stream().map(FileResult::input).filter(java.util.Objects::nonNull).toList();
        return new Loaded(shards, results.size(), documents.size(), inputs);
    }

    /**
     * What one file yielded: its valid documents, its problems, whether every document was usable,
     * and its text (null when it could not be read as text).
     */
    private record FileResult(List<SpecDocument> documents, List<Diagnostic> problems, boolean complete, InputText input) {
    }

    /** A file's text and documents, or null (with the problems recorded) when it is not usable YAML. */
    private record Parsed(InputText input, List<YamlDocument> documents) {
    }

    private FileResult readFile(Path file) {
        List<Diagnostic> problems = new ArrayList<>();
        return check(parse(file, file.toString(), problems), problems);
    }

    private FileResult check(Parsed parsedFile, List<Diagnostic> problems) {
        if (parsedFile == null) {
            return new FileResult(List.of(), problems, false, null);
        }
        List<YamlDocument> parsed = parsedFile.documents();
        List<SpecDocument> documents = new ArrayList<>();
        boolean complete = true;
        for (YamlDocument document : parsed) {
            List<Diagnostic> invalid = schema.check(document);
            if (invalid.isEmpty()) {
                documents.add(reader.read(document));
            } else {
                problems.addAll(invalid);
                complete = false;
            }
        }
        return new FileResult(documents, problems, complete, parsedFile.input());
    }

    /** The documents of one file, or null (with the problems recorded) when it is not usable YAML. */
    private Parsed parse(Path file, String shown, List<Diagnostic> problems) {
        byte[] bytes;
        Optional<String> unreadable = InputFiles.problemOf(file);
        if (unreadable.isPresent()) {
            problems.add(Diagnostic.at(SourceLocation.wholeFile(shown), unreadable.get()));
            return null;
        }
        try {
            Optional<Diagnostic> tooLarge = SourceText.sizeProblem(shown, Files.size(file));
            if (tooLarge.isPresent()) {
                problems.add(tooLarge.get());
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Diagnostic.at(SourceLocation.startOf(shown), "cannot read file: " + e.getMessage()));
            return null;
        }
        return parseText(shown, bytes, problems);
    }

    private Parsed parseText(String shown, byte[] bytes, List<Diagnostic> problems) {
        SourceText.SourceTextOrProblem text = SourceText.decode(shown, bytes);
        if (text.problem() != null) {
            problems.add(text.problem());
            return null;
        }
        YamlReader.Result result = yaml.read(text.text());
        if (!result.problems().isEmpty()) {
            problems.addAll(result.problems());
            return null;
        }
        if (result.documents().isEmpty()) {
            problems.add(Diagnostic.at(SourceLocation.startOf(shown),
                    "no documents: expected at least one with 'apiVersion: elb-reconcile/v1'"));
            return null;
        }
        return new Parsed(new InputText(shown, text.text().text()), result.documents());
    }

    /**
     * One shard per target, each checked on its own (load balancer names are unique per target),
     * or one shard of everything when there is no Target document.
     */
    private List<Shard> shards(List<SpecDocument> documents, boolean complete, List<Diagnostic> problems) {
        problems.addAll(SslAllowListChecks.checkGlobs(documents));
        List<TargetDocument> targets = new ArrayList<>();
        List<SpecDocument> others = new ArrayList<>();
        for (SpecDocument document : documents) {
            if (document instanceof TargetDocument target) {
                targets.add(target);
            } else {
                others.add(document);
            }
        }
        if (targets.isEmpty()) {
            problems.addAll(new CrossDocumentChecks().check(documents, complete));
            return List.of(new Shard(Optional.empty(), assemble(documents)));
        }
        TargetScopes.Grouped grouped = targetScopes.group(targets, others);
        problems.addAll(grouped.problems());
        List<Shard> shards = new ArrayList<>();
        grouped.byTarget().forEach((target, own) -> {
            problems.addAll(new CrossDocumentChecks().check(own, complete));
            shards.add(new Shard(Optional.of(target.target()), assemble(own)));
        });
        return shards;
    }

    private static DesiredState assemble(List<SpecDocument> documents) {
        Map<String, DesiredLoadBalancer> managed = new TreeMap<>();
        Map<String, List<ManagedPolicy>> policies = new HashMap<>();
        List<PolicyAttachment> attachments = new ArrayList<>();
        SortedMap<Address, SourceLocation> origins = new TreeMap<>();
        for (SpecDocument document : documents) {
            if (document instanceof LoadBalancerDocument lb) {
                managed.put(lb.name(), lb.loadBalancer());
                recordOrigins(lb, origins);
            }
        }
        for (SpecDocument document : documents) {
            if (document instanceof PolicyDocument policy) {
                origins.put(Address.policy(policy.loadBalancer(), policy.policy()), document.source().locations().document());
                if (managed.containsKey(policy.loadBalancer())) {
                    policies.computeIfAbsent(policy.loadBalancer(), k -> new ArrayList<>()).add(policy.policy());
                } else if (policy.policy() instanceof StickinessPolicy sticky) {
                    // Only cookie policies have an attach mode; the checks refused the others.
                    attachments.add(new PolicyAttachment(policy.loadBalancer(), sticky, policy.listenerPorts(), policy.present()));
                }
            }
        }
        managed.replaceAll((name, lb) -> lb.withPolicies(policies.getOrDefault(name, List.of())));
        // The checks allow at most one Settings document.
        Settings settings = documents.stream().filter(SettingsDocument.class::isInstance).map(SettingsDocument.class::cast)
                .map(SettingsDocument::settings).findFirst().orElse(Settings.defaults());
        return new DesiredState(new TreeMap<>(managed), attachments, origins, settings);
    }

    private static void recordOrigins(LoadBalancerDocument lb, SortedMap<Address, SourceLocation> origins) {
        Locations at = lb.source().locations();
        String name = lb.name();
        origins.put(Address.loadBalancer(name), at.document());
        var listeners = lb.source().tree().path("spec").path("listeners");
        for (int i = 0; i < listeners.size(); i++) {
            int port = listeners.get(i).path("loadBalancerPort").asInt();
            origins.put(Address.listener(name, port), at.ofValue("/spec/listeners/" + i));
            origins.put(Address.listenerPolicies(name, port), at.ofKey("/spec/listeners/" + i + "/policies"));
        }
        var servers = lb.source().tree().path("spec").path("backendServers");
        for (int i = 0; i < servers.size(); i++) {
            int port = servers.get(i).path("instancePort").asInt();
            origins.putIfAbsent(Address.backendServerPolicies(name, port), at.ofValue("/spec/backendServers/" + i));
        }
        origins.put(Address.healthCheck(name), at.ofKey("/spec/healthCheck"));
        origins.put(Address.attributes(name), at.ofKey("/spec/attributes"));
        origins.put(Address.tags(name), at.ofKey("/spec/tags"));
    }
}
