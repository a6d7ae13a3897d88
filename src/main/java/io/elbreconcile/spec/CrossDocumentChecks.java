package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.IgnoreChanges;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules no single document can check (PRODUCT.md section 2), plus the listener rules AWS
 * would otherwise reject mid-apply. Every violation is reported, in one pass.
 */
final class CrossDocumentChecks {

    private final List<Diagnostic> problems = new ArrayList<>();

    /**
     * @param complete false when some document could not be read: then references to undeclared
     *                 policies are not reported, as the missing declaration may be in that document
     */
    List<Diagnostic> check(List<SpecDocument> documents, boolean complete) {
        Map<String, LoadBalancerDocument> loadBalancers = new LinkedHashMap<>();
        List<LoadBalancerDocument> everyLoadBalancer = new ArrayList<>();
        Map<String, Map<String, PolicyDocument>> policiesByLoadBalancer = new TreeMap<>();
        for (SpecDocument document : documents) {
            if (document instanceof LoadBalancerDocument lb) {
                everyLoadBalancer.add(lb);
                LoadBalancerDocument first = loadBalancers.putIfAbsent(lb.name(), lb);
                if (first != null) {
                    report(nameLocation(lb), "load balancer " + Printable.quoted(lb.name()) + " is already declared at " + nameLocation(first));
                }
            }
        }
        for (SpecDocument document : documents) {
            if (document instanceof PolicyDocument policy) {
                PolicyDocument first = policiesByLoadBalancer.computeIfAbsent(policy.loadBalancer(), k -> new LinkedHashMap<>())
                        .putIfAbsent(policy.name(), policy);
                if (first != null) {
                    report(nameLocation(policy), "policy " + Printable.quoted(policy.name()) + " is already declared for load balancer "
                            + Printable.quoted(policy.loadBalancer()) + " at " + nameLocation(first) + " (policy names are unique per load balancer)");
                }
            }
        }
        Settings settings = checkSettings(documents);
        // A duplicate's own problems are reported too: fixing the name must not reveal new errors on the next run.
        for (LoadBalancerDocument lb : everyLoadBalancer) {
            checkListeners(lb, policiesByLoadBalancer.getOrDefault(lb.name(), Map.of()), complete);
            checkHealthCheck(lb);
            checkIgnoreRules(lb, settings);
        }
        for (Map<String, PolicyDocument> policies : policiesByLoadBalancer.values()) {
            checkAttachMode(policies.values(), loadBalancers);
        }
        problems.addAll(new SslNegotiationChecks().check(loadBalancers, policiesByLoadBalancer, complete));
        problems.addAll(SslAllowListChecks.check(documents, loadBalancers));
        problems.addAll(new BackendServerChecks().check(loadBalancers, policiesByLoadBalancer, complete));
        return List.copyOf(problems);
    }

    private void checkListeners(LoadBalancerDocument lb, Map<String, PolicyDocument> declared, boolean complete) {
        JsonNode listeners = lb.source().tree().path("spec").path("listeners");
        Map<Integer, Integer> firstIndexByPort = new HashMap<>();
        Map<Integer, Protocol> instanceProtocolByPort = new HashMap<>();
        for (int i = 0; i < listeners.size(); i++) {
            JsonNode listener = listeners.get(i);
            String pointer = "/spec/listeners/" + i;
            int port = listener.path("loadBalancerPort").asInt();
            Protocol protocol = Protocol.parse(listener.path("protocol").asText());
            Protocol instanceProtocol = Protocol.parse(listener.path("instanceProtocol").asText());
            Integer earlier = firstIndexByPort.putIfAbsent(port, i);
            if (earlier != null) {
                report(at(lb, pointer + "/loadBalancerPort"), "load balancer port " + port + " is used by two listeners (also at "
                        + at(lb, "/spec/listeners/" + earlier + "/loadBalancerPort") + ")");
            }
            if (protocol.isLayer7() != instanceProtocol.isLayer7()) {
                report(at(lb, pointer + "/instanceProtocol"), "listener " + port + ": a " + protocol + " front end needs "
                        + (protocol.isLayer7() ? "an HTTP or HTTPS" : "a TCP or SSL") + " instance protocol, not " + instanceProtocol);
            }
            int instancePort = listener.path("instancePort").asInt();
            Protocol sharing = instanceProtocolByPort.putIfAbsent(instancePort, instanceProtocol);
            if (sharing != null && isSecure(sharing) != isSecure(instanceProtocol)) {
                report(at(lb, pointer + "/instanceProtocol"), "listeners sending to instance port " + instancePort
                        + " must agree on a secure or a plain instance protocol (" + sharing + " and " + instanceProtocol + ")");
            }
            checkListenerPolicies(lb, listener, pointer, port, protocol, declared, complete);
        }
    }

    private void checkListenerPolicies(LoadBalancerDocument lb, JsonNode listener, String pointer, int port, Protocol protocol,
                                       Map<String, PolicyDocument> declared, boolean complete) {
        JsonNode policies = listener.path("policies");
        for (int j = 0; j < policies.size(); j++) {
            String name = policies.get(j).asText();
            SourceLocation where = at(lb, pointer + "/policies/" + j);
            PolicyDocument policy = declared.get(name);
            if (policy != null && policy.policy().kind() == PolicyKind.SSL_NEGOTIATION) {
                report(where, "listener " + port + " lists SSL negotiation policy " + Printable.quoted(name)
                        + " in policies; name it in sslPolicy instead (a listener has one)");
                continue;
            }
            if (policy != null && (policy.policy().kind().enabledOnBackendServers() || policy.policy().kind() == PolicyKind.PUBLIC_KEY)) {
                report(where, "listener " + port + " lists " + policy.policy().kind().documentKind() + " " + Printable.quoted(name)
                        + ", a back-end policy; list it in backendServers under the instance port instead");
                continue;
            }
            if (policy == null && complete) {
                report(where, "listener " + port + " names policy " + Printable.quoted(name) + ", but no document declares it for load balancer "
                        + Printable.quoted(lb.name()), DidYouMean.hint(name, declared.keySet()).orElse(null));
            }
            if (!protocol.supportsCookieStickiness()) {
                report(where, "listener " + port + " uses " + protocol + "; cookie stickiness policies work only on HTTP and HTTPS listeners");
            }
            if (j == 1) {
                report(where, "listener " + port + " lists " + policies.size()
                        + " stickiness policies; a listener takes at most one");
            }
        }
    }

    /** At most one Settings document; its rules, or the defaults. */
    private Settings checkSettings(List<SpecDocument> documents) {
        SettingsDocument first = null;
        for (SpecDocument document : documents) {
            if (document instanceof SettingsDocument settings) {
                if (first == null) {
                    first = settings;
                } else {
                    report(at(settings, "/kind"), "a second Settings document; the first is at " + at(first, "/kind")
                            + " (an input has at most one)");
                }
            }
        }
        return first == null ? Settings.defaults() : first.settings();
    }

    /**
     * A declared tag that Settings leaves to other tools would never be set: a contradiction, not
     * a choice. A certificate left to others needs a declared HTTPS or SSL listener on that port.
     */
    private void checkIgnoreRules(LoadBalancerDocument lb, Settings settings) {
        for (String key : lb.loadBalancer().tags().keySet()) {
            if (settings.ignoresTag(key)) {
                report(lb.source().locations().ofKey(Locations.child("/spec/tags", key)), "tag '" + key
                        + "' is declared, but Settings.ignoreTags leaves it to other tools; remove one of the two");
            }
        }
        JsonNode paths = lb.source().tree().path("spec").path("ignoreChanges");
        for (int i = 0; i < paths.size(); i++) {
            int port = IgnoreChanges.certificatePort(paths.get(i).asText());
            if (port < 0) {
                continue;
            }
            var listener = lb.loadBalancer().listener(port);
            if (listener.isEmpty() || listener.get().sslCertificateId() == null) {
                List<String> securePorts = lb.loadBalancer().listeners().stream().filter(l -> l.sslCertificateId() != null)
                        .map(l -> Integer.toString(l.loadBalancerPort())).toList();
                report(at(lb, "/spec/ignoreChanges/" + i), "ignoreChanges: " + paths.get(i).asText() + " names no "
                        + "HTTPS or SSL listener of '" + lb.name() + "'",
                        securePorts.isEmpty() ? null : "its HTTPS and SSL listener ports: " + String.join(", ", securePorts));
            }
        }
    }

    private void checkHealthCheck(LoadBalancerDocument lb) {
        var check = lb.loadBalancer().healthCheck();
        if (check != null && check.timeout() >= check.interval()) {
            report(at(lb, "/spec/healthCheck/timeout"), "healthCheck.timeout (" + check.timeout()
                    + ") must be less than healthCheck.interval (" + check.interval() + ")");
        }
        JsonNode target = lb.source().tree().at("/spec/healthCheck/target");
        if (target.isTextual()) {
            String text = target.asText();
            int colon = text.indexOf(':');
            int end = text.indexOf('/', colon);
            long port = Long.parseLong(text.substring(colon + 1, end < 0 ? text.length() : end));
            if (port < 1 || port > 65535) {
                report(at(lb, "/spec/healthCheck/target"), "healthCheck.target port " + port + " is not 1-65535");
            }
        }
    }

    private void checkAttachMode(Iterable<PolicyDocument> policies, Map<String, LoadBalancerDocument> loadBalancers) {
        Map<Integer, PolicyDocument> portOwners = new HashMap<>();
        for (PolicyDocument policy : policies) {
            if (loadBalancers.containsKey(policy.loadBalancer())) {
                if (policy.attachModeFieldsWritten()) {
                    String field = policy.source().tree().path("spec").has("listenerPorts") ? "listenerPorts" : "ensure";
                    report(at(policy, "/spec/" + field), field + " is for attach mode only; load balancer " + Printable.quoted(policy.loadBalancer())
                            + " has a LoadBalancer document, so list the policy in its listeners' policies instead");
                }
                continue;
            }
            if (!policy.present()) {
                continue;
            }
            for (int port : policy.listenerPorts()) {
                PolicyDocument other = portOwners.putIfAbsent(port, policy);
                if (other != null) {
                    report(at(policy, "/spec/listenerPorts"), "policies " + Printable.quoted(other.name()) + " and " + Printable.quoted(policy.name())
                            + " are both attached to listener " + port + " of " + Printable.quoted(policy.loadBalancer())
                            + "; a listener takes at most one stickiness policy");
                }
            }
        }
    }

    private static boolean isSecure(Protocol protocol) {
        return protocol == Protocol.HTTPS || protocol == Protocol.SSL;
    }

    private static SourceLocation nameLocation(SpecDocument document) {
        return at(document, "/metadata/name");
    }

    private static SourceLocation at(SpecDocument document, String pointer) {
        return document.source().locations().ofValue(pointer);
    }

    private void report(SourceLocation where, String message) {
        problems.add(Diagnostic.at(where, message));
    }

    private void report(SourceLocation where, String message, String hint) {
        problems.add(Diagnostic.at(where, message, hint));
    }
}
