package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.SslNegotiationPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Settings.allowedSslPolicies} (PRODUCT.md section 15): each glob must mean something, and
 * no document may ask for a security policy it does not allow, so that {@code apply} never
 * creates what an audit forbids. The globs are checked once per input (a repository-wide Settings
 * serves every target); the documents once per target, against the Settings that target sees.
 */
final class SslAllowListChecks {

    private SslAllowListChecks() {
    }

    /**
     * A glob that matches no predefined policy and not {@code custom} is a typo (an allow list
     * stricter than meant, refusing listeners for a reason nobody wrote): an error with a hint.
     */
    static List<Diagnostic> checkGlobs(List<SpecDocument> documents) {
        List<Diagnostic> problems = new ArrayList<>();
        List<String> vocabulary = SecurityPolicies.allowListVocabulary();
        for (SpecDocument document : documents) {
            if (!(document instanceof SettingsDocument settings)) {
                continue;
            }
            List<Glob> globs = settings.settings().allowedSslPolicies();
            for (int i = 0; i < globs.size(); i++) {
                Glob glob = globs.get(i);
                if (vocabulary.stream().noneMatch(glob::matches)) {
                    problems.add(Diagnostic.at(at(settings, "/spec/allowedSslPolicies/" + i), "allowedSslPolicies: "
                                    + Printable.quoted(glob.pattern()) + " matches no predefined security policy and is not "
                                    + SecurityPolicies.CUSTOM,
                            DidYouMean.hint(glob.pattern(), candidates(vocabulary))
                                    .orElse("the predefined policies: " + String.join(", ", SecurityPolicies.PREDEFINED))));
                }
            }
        }
        return problems;
    }

    /**
     * Every SSL negotiation policy document, and every HTTPS or SSL listener left to AWS's default
     * policy, against the allow list of the first Settings document (a second is refused elsewhere).
     */
    static List<Diagnostic> check(List<SpecDocument> documents, Map<String, LoadBalancerDocument> loadBalancers) {
        Optional<SettingsDocument> found = documents.stream().filter(SettingsDocument.class::isInstance)
                .map(SettingsDocument.class::cast).findFirst();
        if (found.isEmpty() || !found.get().settings().restrictsSslPolicies()) {
            return List.of();
        }
        SettingsDocument settingsDocument = found.get();
        Settings settings = settingsDocument.settings();
        if (!checkGlobs(List.of(settingsDocument)).isEmpty()) {
            return List.of(); // one typo, one line: documents are judged once the list means what was meant
        }
        String allowList = "allowedSslPolicies [" + settings.allowedSslPoliciesText() + "] at "
                + at(settingsDocument, "/spec/allowedSslPolicies");
        List<Diagnostic> problems = new ArrayList<>();
        for (SpecDocument document : documents) {
            if (document instanceof PolicyDocument policy && policy.policy() instanceof SslNegotiationPolicy ssl) {
                String securityPolicy = SecurityPolicies.securityPolicyOf(ssl);
                if (settings.allowsSslPolicy(Optional.of(securityPolicy))) {
                    continue;
                }
                boolean custom = ssl.reference() == null;
                JsonNode spec = policy.source().tree().path("spec");
                String pointer = custom ? (spec.has("protocols") ? "/spec/protocols" : "/spec") : "/spec/reference";
                String uses = custom ? " chooses its own protocols and ciphers (" + SecurityPolicies.CUSTOM + ")"
                        : " uses " + securityPolicy;
                problems.add(Diagnostic.at(at(policy, pointer), "SSL negotiation policy " + Printable.quoted(policy.name())
                        + uses + ", which " + allowList + " does not allow", allowedHint(settings)));
            }
        }
        if (!settings.allowsSslPolicy(Optional.of(SecurityPolicies.DEFAULT))) {
            for (LoadBalancerDocument lb : loadBalancers.values()) {
                checkDefaultedListeners(lb, allowList, allowedHint(settings), problems);
            }
        }
        return problems;
    }

    /**
     * A listener without {@code sslPolicy} gets AWS's default on creation (and keeps whatever it has
     * after): Git would not say which policy it runs, so under an allow list it must say.
     */
    private static void checkDefaultedListeners(LoadBalancerDocument lb, String allowList, String allowed,
                                                List<Diagnostic> problems) {
        JsonNode listeners = lb.source().tree().path("spec").path("listeners");
        for (int i = 0; i < listeners.size(); i++) {
            JsonNode listener = listeners.get(i);
            Protocol protocol = Protocol.parse(listener.path("protocol").asText());
            if ((protocol == Protocol.HTTPS || protocol == Protocol.SSL) && !listener.hasNonNull("sslPolicy")) {
                problems.add(Diagnostic.at(at(lb, "/spec/listeners/" + i + "/protocol"), "listener "
                                + listener.path("loadBalancerPort").asInt() + " (" + protocol + ") of " + Printable.quoted(lb.name())
                                + " names no sslPolicy: AWS gives a new listener its default " + SecurityPolicies.DEFAULT
                                + ", which " + allowList + " does not allow",
                        "name an SSLNegotiationPolicy in its sslPolicy" + (allowed == null ? "" : "; " + allowed)));
            }
        }
    }

    private static String allowedHint(Settings settings) {
        List<String> allowed = SecurityPolicies.PREDEFINED.stream()
                .filter(name -> settings.allowsSslPolicy(Optional.of(name))).toList();
        return allowed.isEmpty() ? null : "allowed predefined policies: " + String.join(", ", allowed);
    }

    /** The vocabulary and each of its names cut short by a {@code *}: a misspelt glob is near one of those. */
    private static Set<String> candidates(List<String> vocabulary) {
        List<String> prefixes = new ArrayList<>();
        for (String name : vocabulary) {
            for (int end = 1; end < name.length(); end++) {
                prefixes.add(name.substring(0, end) + "*");
            }
        }
        // Of two globs as near, the longer keeps more of what was typed: TLS1-1-* means TLS-1-1-*, not TLS-1-*.
        prefixes.sort(Comparator.comparingInt(String::length).reversed());
        Set<String> candidates = new LinkedHashSet<>(vocabulary);
        candidates.addAll(prefixes);
        return candidates;
    }

    private static SourceLocation at(SpecDocument document, String pointer) {
        return document.source().locations().ofValue(pointer);
    }
}
