package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.SecurityPolicies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of SSL negotiation policies that the schema cannot state: a reference or an explicit
 * choice, never both; names AWS keeps for its own policies; a listener's {@code sslPolicy}
 * naming a declared SSL negotiation policy, on an HTTPS or SSL listener only; no attach mode.
 */
final class SslNegotiationChecks {

    private static final List<String> EXPLICIT_FIELDS = List.of("protocols", "ciphers", "serverOrderPreference");

    private final List<Diagnostic> problems = new ArrayList<>();

    List<Diagnostic> check(Map<String, LoadBalancerDocument> loadBalancers,
                           Map<String, Map<String, PolicyDocument>> policiesByLoadBalancer, boolean complete) {
        for (Map<String, PolicyDocument> policies : policiesByLoadBalancer.values()) {
            for (PolicyDocument policy : policies.values()) {
                if (policy.policy().kind() == PolicyKind.SSL_NEGOTIATION) {
                    // An unreadable document may be its load balancer's: say so only once all were read.
                    checkPolicy(policy, loadBalancers.containsKey(policy.loadBalancer()) || !complete);
                }
            }
        }
        for (LoadBalancerDocument lb : loadBalancers.values()) {
            checkListeners(lb, policiesByLoadBalancer.getOrDefault(lb.name(), Map.of()), complete);
        }
        return List.copyOf(problems);
    }

    private void checkPolicy(PolicyDocument policy, boolean managed) {
        JsonNode spec = policy.source().tree().path("spec");
        if (SecurityPolicies.isAwsName(policy.name())) {
            report(at(policy, "/metadata/name"), "policy name " + Printable.quoted(policy.name())
                    + " is AWS's: names starting ELBSecurityPolicy- or ELBSample- belong to its predefined policies",
                    "give yours another name and write reference: " + policy.name());
        }
        if (spec.has("reference")) {
            for (String field : EXPLICIT_FIELDS) {
                if (spec.has(field)) {
                    report(at(policy, "/spec/" + field), field + " cannot be given with reference: "
                            + spec.get("reference").asText() + " fixes the protocols, ciphers and cipher order",
                            "remove " + field + ", or remove reference to choose them yourself");
                }
            }
        } else if (!spec.has("protocols") || !spec.has("ciphers")) {
            report(at(policy, "/spec"), "SSL negotiation policy " + Printable.quoted(policy.name())
                    + " needs either reference (a predefined ELBSecurityPolicy-*) or both protocols and ciphers", null);
        }
        if (!managed) {
            report(at(policy, "/spec/loadBalancer"), "SSL negotiation policy " + Printable.quoted(policy.name())
                    + " needs a LoadBalancer document for " + Printable.quoted(policy.loadBalancer())
                    + " (attach mode is for cookie stickiness policies only)", null);
        }
    }

    private void checkListeners(LoadBalancerDocument lb, Map<String, PolicyDocument> declared, boolean complete) {
        JsonNode listeners = lb.source().tree().path("spec").path("listeners");
        for (int i = 0; i < listeners.size(); i++) {
            JsonNode listener = listeners.get(i);
            if (!listener.hasNonNull("sslPolicy")) {
                continue;
            }
            String pointer = "/spec/listeners/" + i + "/sslPolicy";
            String name = listener.get("sslPolicy").asText();
            int port = listener.path("loadBalancerPort").asInt();
            Protocol protocol = Protocol.parse(listener.path("protocol").asText());
            if (protocol != Protocol.HTTPS && protocol != Protocol.SSL) {
                report(at(lb, pointer), "listener " + port + " uses " + protocol
                        + "; sslPolicy is for HTTPS and SSL listeners only", null);
                continue;
            }
            PolicyDocument policy = declared.get(name);
            List<String> sslNames = declared.values().stream()
                    .filter(p -> p.policy().kind() == PolicyKind.SSL_NEGOTIATION).map(PolicyDocument::name).toList();
            if (policy == null && complete) {
                // AWS's predefined policies are named through a policy of one's own (CloudFormation users name them directly).
                String hint = SecurityPolicies.PREDEFINED.contains(name)
                        ? "declare an SSLNegotiationPolicy of another name with reference: " + name + ", and name that here"
                        : DidYouMean.hint(name, sslNames).orElse(null);
                report(at(lb, pointer), "listener " + port + " names SSL policy " + Printable.quoted(name)
                        + ", but no SSLNegotiationPolicy document declares it for load balancer " + Printable.quoted(lb.name()),
                        hint);
            } else if (policy != null && policy.policy().kind() != PolicyKind.SSL_NEGOTIATION) {
                report(at(lb, pointer), "listener " + port + ": sslPolicy names " + Printable.quoted(name) + ", a "
                        + policy.policy().kind().documentKind() + "; it must name an SSLNegotiationPolicy", null);
            }
        }
    }

    private static SourceLocation at(SpecDocument document, String pointer) {
        return document.source().locations().ofValue(pointer);
    }

    private void report(SourceLocation where, String message, String hint) {
        problems.add(Diagnostic.at(where, message, hint));
    }
}
