package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.PublicKeyPolicy;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of back-end policies that the schema cannot state: a load balancer's
 * {@code backendServers} lists each instance port once, a port some listener sends to, and only
 * proxy protocol and back-end authentication policies of its own (a public key policy is named by
 * an authentication policy, never enabled on a port: the type's description in
 * DescribeLoadBalancerPolicyTypes); back-end authentication only where the listeners reach the
 * instances over HTTPS or SSL (same source); an authentication policy names declared public key
 * policies; a public key is base64 of a DER key or certificate; a port enables at most one policy
 * of each back-end kind; no attach mode for these kinds.
 */
final class BackendServerChecks {

    private final List<Diagnostic> problems = new ArrayList<>();
    private Map<String, Map<String, PolicyDocument>> policiesByLoadBalancer = Map.of();

    List<Diagnostic> check(Map<String, LoadBalancerDocument> loadBalancers,
                           Map<String, Map<String, PolicyDocument>> policiesByLoadBalancer, boolean complete) {
        this.policiesByLoadBalancer = policiesByLoadBalancer;
        for (Map<String, PolicyDocument> policies : policiesByLoadBalancer.values()) {
            for (PolicyDocument policy : policies.values()) {
                // An unreadable document may be its load balancer's: say so only once all were read.
                checkPolicy(policy, policies, loadBalancers.containsKey(policy.loadBalancer()) || !complete, complete);
            }
        }
        for (LoadBalancerDocument lb : loadBalancers.values()) {
            checkBackendServers(lb, policiesByLoadBalancer.getOrDefault(lb.name(), Map.of()), complete);
        }
        return List.copyOf(problems);
    }

    private void checkPolicy(PolicyDocument policy, Map<String, PolicyDocument> sameLoadBalancer, boolean managed,
                             boolean complete) {
        PolicyKind kind = policy.policy().kind();
        boolean backendKind = kind.enabledOnBackendServers() || kind == PolicyKind.PUBLIC_KEY;
        if (!backendKind) {
            return;
        }
        if (!managed) {
            report(at(policy, "/spec/loadBalancer"), kind.documentKind() + " " + Printable.quoted(policy.name())
                    + " needs a LoadBalancer document for " + Printable.quoted(policy.loadBalancer())
                    + " (attach mode is for cookie stickiness policies only)", null);
        }
        JsonNode spec = policy.source().tree().path("spec");
        if (kind == PolicyKind.PUBLIC_KEY) {
            publicKeyProblem(spec.path("publicKey").asText())
                    .ifPresent(problem -> report(at(policy, "/spec/publicKey"), problem, null));
        }
        if (kind == PolicyKind.BACKEND_AUTHENTICATION) {
            JsonNode keys = spec.path("publicKeyPolicies");
            List<String> keyNames = namesOf(sameLoadBalancer, PolicyKind.PUBLIC_KEY);
            for (int i = 0; i < keys.size(); i++) {
                String name = keys.get(i).asText();
                PolicyDocument named = sameLoadBalancer.get(name);
                SourceLocation where = at(policy, "/spec/publicKeyPolicies/" + i);
                if (named == null && complete) {
                    report(where, "back-end authentication policy " + Printable.quoted(policy.name()) + " names public key policy "
                            + Printable.quoted(name) + ", but no PublicKeyPolicy document declares it for load balancer "
                            + Printable.quoted(policy.loadBalancer()), elsewhere(name, policy.loadBalancer(), PolicyKind.PUBLIC_KEY)
                            .or(() -> DidYouMean.hint(name, keyNames)).orElse(null));
                } else if (named != null && named.policy().kind() != PolicyKind.PUBLIC_KEY) {
                    report(where, "publicKeyPolicies names " + Printable.quoted(name) + ", a "
                            + named.policy().kind().documentKind() + "; it must name a PublicKeyPolicy", null);
                }
            }
        }
    }

    /**
     * AWS takes the key as the base64 text of a PEM file without its BEGIN and END lines (its
     * user guide's example is a certificate's). Refused here rather than by AWS mid-apply.
     */
    static Optional<String> publicKeyProblem(String text) {
        if (text.contains("-----")) {
            return Optional.of("publicKey holds PEM armour (a -----BEGIN or -----END line); write only the base64 text between those lines");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(PublicKeyPolicy.withoutWhiteSpace(text));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("publicKey is not base64 text (" + notBase64.getMessage() + ")");
        }
        if (der.length == 0 || !(isPublicKey(der) || isCertificate(der))) {
            return Optional.of("publicKey is base64, but of neither a public key nor a certificate (DER, X.509)");
        }
        return Optional.empty();
    }

    private static boolean isPublicKey(byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "DSA")) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return true;
            } catch (GeneralSecurityException | RuntimeException notThisAlgorithm) {
                // try the next one
            }
        }
        return false;
    }

    private static boolean isCertificate(byte[] der) {
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return true;
        } catch (GeneralSecurityException | RuntimeException notACertificate) {
            return false;
        }
    }

    private void checkBackendServers(LoadBalancerDocument lb, Map<String, PolicyDocument> declared, boolean complete) {
        JsonNode spec = lb.source().tree().path("spec");
        JsonNode servers = spec.path("backendServers");
        Map<Integer, List<Protocol>> protocolsByInstancePort = new TreeMap<>();
        for (JsonNode listener : spec.path("listeners")) {
            protocolsByInstancePort.computeIfAbsent(listener.path("instancePort").asInt(), k -> new ArrayList<>())
                    .add(Protocol.parse(listener.path("instanceProtocol").asText()));
        }
        List<String> backendNames = new ArrayList<>(namesOf(declared, PolicyKind.PROXY_PROTOCOL));
        backendNames.addAll(namesOf(declared, PolicyKind.BACKEND_AUTHENTICATION));
        Map<Integer, Integer> firstIndexByPort = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            String pointer = "/spec/backendServers/" + i;
            int port = servers.get(i).path("instancePort").asInt();
            Integer earlier = firstIndexByPort.putIfAbsent(port, i);
            if (earlier != null) {
                report(at(lb, pointer + "/instancePort"), "instance port " + port + " is listed twice in backendServers (also at "
                        + at(lb, "/spec/backendServers/" + earlier + "/instancePort") + ")", null);
            }
            List<Protocol> protocols = protocolsByInstancePort.get(port);
            if (protocols == null) {
                report(at(lb, pointer + "/instancePort"), "backendServers names instance port " + port
                        + ", but no listener of " + Printable.quoted(lb.name()) + " sends to it (a policy there would act on no traffic)",
                        protocolsByInstancePort.isEmpty() ? Printable.quoted(lb.name()) + " has no listeners" : "its listeners send to instance ports "
                                + String.join(", ", protocolsByInstancePort.keySet().stream().map(String::valueOf).toList()));
            }
            JsonNode policies = servers.get(i).path("policies");
            Map<PolicyKind, Integer> firstOfKind = new HashMap<>();
            for (int j = 0; j < policies.size(); j++) {
                String name = policies.get(j).asText();
                checkBackendPolicy(lb, name, at(lb, pointer + "/policies/" + j), port, protocols,
                        declared, backendNames, complete);
                PolicyDocument policy = declared.get(name);
                if (policy != null && policy.policy().kind().enabledOnBackendServers()) {
                    Integer other = firstOfKind.putIfAbsent(policy.policy().kind(), j);
                    if (other != null && !policies.get(other).asText().equals(name)) {
                        twoOfAKind(lb, pointer, port, policy.policy().kind(), policies.get(other).asText(), other, name, j);
                    }
                }
            }
        }
    }

    /**
     * An instance port takes one policy of each back-end kind. AWS documents no meaning for two:
     * a second proxy protocol policy sends no second header, and one authentication policy already
     * names any number of keys ("this policy type is composed of multiple public key policies",
     * the API reference of SetLoadBalancerPoliciesForBackendServer). Two are a slip, and replacing
     * one of them could never keep the port on "exactly one" of its kind.
     */
    private void twoOfAKind(LoadBalancerDocument lb, String pointer, int port, PolicyKind kind, String first, int firstIndex,
                            String second, int secondIndex) {
        report(at(lb, pointer + "/policies/" + secondIndex), "instance port " + port + " enables two " + kind.documentKind()
                        + " documents, " + Printable.quoted(first) + " (at " + at(lb, pointer + "/policies/" + firstIndex) + ") and "
                        + Printable.quoted(second) + "; a port takes one of each kind",
                kind == PolicyKind.PROXY_PROTOCOL ? "one proxy protocol policy turns the header on; list only one"
                        : "name every key in one BackendServerAuthenticationPolicy's publicKeyPolicies and list only that one");
    }

    private void checkBackendPolicy(LoadBalancerDocument lb, String name, SourceLocation where, int port,
                                    List<Protocol> protocols, Map<String, PolicyDocument> declared,
                                    List<String> backendNames, boolean complete) {
        PolicyDocument policy = declared.get(name);
        if (policy == null) {
            if (complete) {
                report(where, "instance port " + port + " names policy " + Printable.quoted(name) + ", but no ProxyProtocolPolicy or "
                        + "BackendServerAuthenticationPolicy document declares it for load balancer " + Printable.quoted(lb.name()),
                        elsewhere(name, lb.name(), PolicyKind.PROXY_PROTOCOL, PolicyKind.BACKEND_AUTHENTICATION)
                                .or(() -> DidYouMean.hint(name, backendNames)).orElse(null));
            }
            return;
        }
        PolicyKind kind = policy.policy().kind();
        if (kind == PolicyKind.PUBLIC_KEY) {
            report(where, Printable.quoted(name) + " is a PublicKeyPolicy, which AWS never enables on a port: name it in a "
                    + "BackendServerAuthenticationPolicy's publicKeyPolicies and list that policy here", null);
        } else if (!kind.enabledOnBackendServers()) {
            report(where, Printable.quoted(name) + " is a " + kind.documentKind() + ", a listener policy; an instance port takes "
                    + "ProxyProtocolPolicy and BackendServerAuthenticationPolicy documents only", null);
        } else if (kind == PolicyKind.BACKEND_AUTHENTICATION && protocols != null
                && protocols.stream().anyMatch(p -> p != Protocol.HTTPS && p != Protocol.SSL)) {
            report(where, "back-end authentication policy " + Printable.quoted(name) + " on instance port " + port
                    + ": the listeners sending there use " + protocols.stream().distinct().map(Protocol::name).toList()
                    + "; AWS authenticates back ends only over HTTPS or SSL", "set instanceProtocol: HTTPS (or SSL) on them");
        }
    }

    /**
     * The same name declared for another load balancer: AWS policies belong to one load balancer,
     * so a key shared by two of them is declared once for each (a likelier slip than a typo).
     */
    private Optional<String> elsewhere(String name, String loadBalancer, PolicyKind... kinds) {
        return policiesByLoadBalancer.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(loadBalancer) && entry.getValue().containsKey(name))
                .map(Map.Entry::getValue).map(policies -> policies.get(name))
                .filter(other -> List.of(kinds).contains(other.policy().kind()))
                .findFirst()
                .map(other -> Printable.quoted(name) + " is a " + other.policy().kind().documentKind() + " of load balancer "
                        + Printable.quoted(other.loadBalancer()) + "; a policy belongs to one load balancer, so declare one for "
                        + Printable.quoted(loadBalancer) + " too");
    }

    private static List<String> namesOf(Map<String, PolicyDocument> policies, PolicyKind kind) {
        return policies.values().stream().filter(p -> p.policy().kind() == kind).map(PolicyDocument::name).toList();
    }

    private static SourceLocation at(SpecDocument document, String pointer) {
        return document.source().locations().ofValue(pointer);
    }

    private void report(SourceLocation where, String message, String hint) {
        problems.add(Diagnostic.at(where, message, hint));
    }
}
