package io.elbreconcile.spec;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.model.DeclaredTarget;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of {@code kind: Target} (PRODUCT.md section 16): each target is well formed, owns one
 * directory (and everything below it) that no other target shares or lies inside, and, once an
 * input has targets, every other document belongs to exactly one.
 */
final class TargetScopes {

    /** What every region name looks like (us-east-1, us-gov-west-1, ap-southeast-4). */
    private static final Pattern REGION_SHAPE = Pattern.compile("[a-z]{2}(?:-[a-z]+){1,3}-\\d{1,2}");

    /** The documents of each target, in target-name order, and every problem found. */
    record Grouped(Map<TargetDocument, List<SpecDocument>> byTarget, List<Diagnostic> problems) {
    }

    private final Supplier<Set<String>> regionList;

    /**
     * @param regionList the regions that exist (asked only when there are targets); empty to accept
     *                   any well-formed region name
     */
    TargetScopes(Supplier<Set<String>> regionList) {
        this.regionList = regionList;
    }

    Grouped group(List<TargetDocument> targets, List<SpecDocument> others) {
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> knownRegions = regionList.get();
        List<TargetDocument> sorted = new ArrayList<>(targets);
        sorted.sort(java.util.Comparator.comparing(TargetDocument::name).thenComparing(t -> t.target().origin()));
        Map<String, TargetDocument> byName = new LinkedHashMap<>();
        List<TargetDocument> owners = new ArrayList<>();
        List<TargetDocument> refused = new ArrayList<>();
        for (TargetDocument target : sorted) {
            problems.addAll(checkFields(target, knownRegions));
            TargetDocument sameName = byName.putIfAbsent(target.name(), target);
            if (sameName != null) {
                problems.add(Diagnostic.at(target.source().locations().ofValue("/metadata/name"),
                        "duplicate target name " + Printable.quoted(target.name()) + " (first at " + sameName.target().origin() + ")"));
                refused.add(target);
                continue;
            }
            Optional<TargetDocument> clash = owners.stream().filter(owner -> overlaps(owner, target)).findFirst();
            if (clash.isPresent()) {
                problems.add(Diagnostic.at(target.target().origin(), clashMessage(target, clash.get())));
                refused.add(target);
                continue;
            }
            owners.add(target);
        }
        Map<TargetDocument, List<SpecDocument>> byTarget = new LinkedHashMap<>();
        owners.forEach(owner -> byTarget.put(owner, new ArrayList<>()));
        for (SpecDocument document : others) {
            Path directory = directoryOf(document.source().file());
            Optional<TargetDocument> owner = owners.stream().filter(t -> directory.startsWith(directoryOf(t))).findFirst();
            if (owner.isPresent()) {
                byTarget.get(owner.get()).add(document);
            } else if (document instanceof SettingsDocument) {
                // Repository-wide settings (e.g. tags other tools own) hold for every target; a target
                // with its own Settings document then has two, which the per-target checks refuse.
                byTarget.values().forEach(documents -> documents.add(document));
            } else if (refused.stream().noneMatch(t -> directory.startsWith(directoryOf(t)))) {
                // Below a refused target the document is surely meant for it: that target's error is enough.
                problems.add(Diagnostic.at(document.source().locations().document(), "this " + kindOf(document)
                        + " is outside every Target's directory: with Target documents in the input, each document"
                        + " must be in a Target's directory or below it (" + owners.size() + " target"
                        + (owners.size() == 1 ? "" : "s") + ": " + String.join(", ", owners.stream().map(TargetDocument::name).toList()) + ")"));
            }
        }
        return new Grouped(byTarget, problems);
    }

    private static String kindOf(SpecDocument document) {
        return document.source().tree().path("kind").asText() + " " + Printable.quoted(document.name());
    }

    private static boolean overlaps(TargetDocument a, TargetDocument b) {
        Path first = directoryOf(a);
        Path second = directoryOf(b);
        return first.startsWith(second) || second.startsWith(first);
    }

    private static String clashMessage(TargetDocument target, TargetDocument owner) {
        Path mine = directoryOf(target);
        Path theirs = directoryOf(owner);
        String where = " (declared at " + owner.target().origin() + ")";
        if (mine.equals(theirs)) {
            return "target " + Printable.quoted(target.name()) + " claims the directory " + Printable.quoted(target.target().directory())
                    + " that target " + Printable.quoted(owner.name()) + " already claims" + where
                    + "; a directory and everything below it belong to one target";
        }
        return "target " + Printable.quoted(target.name()) + " and target " + Printable.quoted(owner.name()) + where
                + " claim nested directories (" + Printable.quoted(target.target().directory()) + " and "
                + Printable.quoted(owner.target().directory()) + "); a directory and everything below it belong to one target";
    }

    private static List<Diagnostic> checkFields(TargetDocument document, Set<String> knownRegions) {
        List<Diagnostic> problems = new ArrayList<>();
        DeclaredTarget target = document.target();
        Locations at = document.source().locations();
        String region = target.region();
        if (!REGION_SHAPE.matcher(region).matches() || !knownRegions.isEmpty() && !knownRegions.contains(region)) {
            problems.add(Diagnostic.at(at.ofValue("/spec/region"), "unknown region " + Printable.quoted(region)
                    + DidYouMean.closest(region, knownRegions).map(meant -> " (did you mean '" + meant + "'?)").orElse("")
                    + "; a Target names an AWS region such as us-east-1 or eu-west-1"));
        }
        if (target.roleArn() != null && !DeclaredTarget.ROLE_ARN.matcher(target.roleArn()).matches()) {
            problems.add(Diagnostic.at(at.ofValue("/spec/roleArn"), "invalid role ARN " + Printable.quoted(target.roleArn())
                    + ": expected arn:aws:iam::ACCOUNT:role/NAME with a 12-digit account, e.g. arn:aws:iam::111122223333:role/elb-reconcile"));
        }
        if (target.externalId() != null && target.roleArn() == null) {
            problems.add(Diagnostic.at(at.ofKey("/spec/externalId"), "externalId is only used when assuming a role: add roleArn or remove it"));
        }
        if (target.endpointUrl() != null && !isHttpUrl(target.endpointUrl())) {
            problems.add(Diagnostic.at(at.ofValue("/spec/endpointUrl"), "invalid endpointUrl " + Printable.quoted(target.endpointUrl())
                    + ": expected http:// or https:// and a host, e.g. http://127.0.0.1:4566"));
        }
        return problems;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Path directoryOf(TargetDocument target) {
        return directoryOf(target.source().file());
    }

    /** Absolute and normalised, so that "a/../b" and "./b" compare as the same directory. */
    static Path directoryOf(String file) {
        Path parent = Path.of(file).toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(file).toAbsolutePath().getRoot() : parent;
    }
}
