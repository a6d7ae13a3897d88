package io.elbreconcile.importer;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyKind;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.model.SslNegotiationPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Observed state → desired-state YAML, one file per load balancer, written so that {@code plan}
 * on it shows no change: listeners with their cookie and SSL negotiation policies, the instance
 * ports' back-end policies ({@code backendServers}, when AWS reports any), the health
 * check, every attribute that differs from AWS's default, tags, and every policy of a managed kind
 * (also those enabled nowhere, which would otherwise be planned as orphans). Policies of types the
 * language does not model, and AWS's own predefined SSL policies, are listed in a comment and left
 * alone, as the planner leaves them.
 */
public final class Importer {

    /** One generated file. */
    public record ImportedFile(String fileName, String loadBalancer, String yaml, List<String> notes) {
    }

    public ImportedFile render(ObservedLoadBalancer lb) {
        YamlWriter yaml = new YamlWriter();
        List<String> notes = new ArrayList<>();
        yaml.comment(0, "Imported by elb-reconcile from the live load balancer " + lb.name() + ".");
        yaml.comment(0, "Values marked 'AWS default' may be deleted; omitted attributes are left as they are.");
        yaml.line(0, "apiVersion: elb-reconcile/v1").line(0, "kind: LoadBalancer").line(0, "metadata:");
        yaml.field(1, "name", lb.name(), null);
        yaml.line(0, "spec:");
        yaml.field(1, "scheme", lb.scheme().wire(), null);
        if (!lb.subnets().isEmpty()) {
            yaml.list(1, "subnets", lb.subnets());
            yaml.list(1, "securityGroups", lb.securityGroups());
        } else {
            yaml.list(1, "availabilityZones", lb.availabilityZones());
        }
        if (lb.listeners().isEmpty()) {
            // AWS lets every listener be deleted; "none" is declared as such, so the round trip holds.
            yaml.comment(1, "AWS reports no listener; plan keeps it so (it could not create it so, were it deleted)");
            yaml.line(1, "listeners: []");
            notes.add("has no listener (declared as listeners: [])");
        } else {
            yaml.line(1, "listeners:");
        }
        // Cookie policies another stack attached (its ownership tag is on this load balancer) stay its own.
        java.util.Set<String> attached = new java.util.TreeSet<>();
        lb.tags().keySet().stream().filter(ReservedTags::isAttach)
                .forEach(key -> attached.add(key.substring(ReservedTags.ATTACH_PREFIX.length())));
        for (Listener listener : lb.listeners()) {
            yaml.field(2, "- protocol", listener.protocol().name(), null);
            yaml.field(3, "loadBalancerPort", listener.loadBalancerPort(), null);
            yaml.field(3, "instanceProtocol", listener.instanceProtocol().name(), null);
            yaml.field(3, "instancePort", listener.instancePort(), null);
            if (listener.sslCertificateId() != null) {
                yaml.field(3, "sslCertificateId", listener.sslCertificateId(), null);
            }
            List<String> ssl = listener.policyNames().stream().filter(n -> isSsl(lb, n)).toList();
            List<String> cookie = listener.policyNames().stream()
                    .filter(n -> lb.policy(n).isPresent() && !attached.contains(n) && !isSsl(lb, n)).toList();
            List<String> other = listener.policyNames().stream().filter(n -> lb.policy(n).isEmpty() || attached.contains(n)).toList();
            if (!ssl.isEmpty()) {
                yaml.field(3, "sslPolicy", ssl.get(0), null);
            }
            if (ssl.size() > 1) {
                notes.add("listener " + listener.loadBalancerPort() + " has " + ssl.size() + " SSL negotiation policies; "
                        + ssl.get(0) + " is written as its sslPolicy, plan sets that one alone");
            }
            if (!other.isEmpty()) {
                yaml.comment(3, "also enabled here, kept as they are (not modelled): " + String.join(", ", other));
                notes.add("listener " + listener.loadBalancerPort() + " keeps " + String.join(", ", other));
            }
            yaml.list(3, "policies", cookie);
        }
        backendServers(yaml, lb);
        healthCheck(yaml, lb.healthCheck());
        attributes(yaml, lb.attributes());
        Map<String, String> tags = lb.tags().entrySet().stream()
                .filter(t -> !ReservedTags.isReserved(t.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
        if (!tags.isEmpty()) {
            yaml.line(1, "tags:");
            tags.forEach((key, value) -> yaml.field(2, YamlWriter.scalar(key), value, null));
        }
        String protect = lb.tags().get(io.elbreconcile.model.ReservedTags.PROTECT);
        if (lb.isProtected()) {
            // Any value but exactly "false" protects (fail closed); plan leaves the tag as it is.
            yaml.field(1, "protect", true, null);
        } else if (protect != null) {
            yaml.comment(1, "tag elb-reconcile:protect=false protects nothing; plan removes it"
                    + " (write protect: true to protect this load balancer)");
            notes.add("tag elb-reconcile:protect=false protects nothing; plan will remove it");
        }
        // Names AWS keeps for its predefined SSL policies are SSL negotiation policies, not another type.
        List<String> awsSsl = lb.otherPolicies().stream().filter(SecurityPolicies::isAwsName).toList();
        List<String> otherTypes = lb.otherPolicies().stream().filter(n -> !SecurityPolicies.isAwsName(n)).toList();
        if (!awsSsl.isEmpty()) {
            yaml.comment(0, "AWS's own predefined SSL policies, kept: " + String.join(", ", awsSsl));
        }
        if (!otherTypes.isEmpty()) {
            yaml.comment(0, "Policies of other types on this load balancer, left alone: " + String.join(", ", otherTypes));
        }
        if (!attached.isEmpty()) {
            yaml.comment(0, "Attached by other stacks (tags " + ReservedTags.ATTACH_PREFIX + "<policy>), left to them: "
                    + String.join(", ", attached));
        }
        for (ManagedPolicy policy : lb.policies()) {
            if (attached.contains(policy.name())) {
                continue;
            }
            yaml.documentSeparator();
            policy(yaml, lb, policy);
        }
        return new ImportedFile(lb.name() + ".yaml", lb.name(), yaml.toString(), notes);
    }

    /**
     * Written only when AWS reports some: then the list is authoritative and the round trip holds;
     * a load balancer without any keeps what it has (none) without the field.
     */
    private static void backendServers(YamlWriter yaml, ObservedLoadBalancer lb) {
        if (lb.backendServers().isEmpty()) {
            return;
        }
        yaml.line(1, "backendServers:");
        for (BackendServer server : lb.backendServers()) {
            yaml.field(2, "- instancePort", server.instancePort(), null);
            yaml.list(3, "policies", server.policyNames());
        }
    }

    private static void sslSettings(YamlWriter yaml, SslNegotiationPolicy ssl) {
        if (ssl.reference() != null) {
            yaml.field(1, "reference", ssl.reference(), null);
            return;
        }
        yaml.list(1, "protocols", ssl.protocols());
        yaml.list(1, "ciphers", ssl.ciphers());
        unusable(ssl).ifPresent(what -> yaml.comment(1, "enables " + what
                + ": a listener using it completes no TLS handshake"));
        yaml.field(1, "serverOrderPreference", ssl.serverOrderPreference(), null);
    }

    /** AWS holds such a policy (created with no attributes, or all false); it is written as it is. */
    private static java.util.Optional<String> unusable(SslNegotiationPolicy ssl) {
        if (ssl.protocols().isEmpty() && ssl.ciphers().isEmpty()) {
            return java.util.Optional.of("no protocol and no cipher");
        }
        if (ssl.protocols().isEmpty()) {
            return java.util.Optional.of("no protocol");
        }
        return ssl.ciphers().isEmpty() ? java.util.Optional.of("no cipher") : java.util.Optional.empty();
    }

    private static boolean isSsl(ObservedLoadBalancer lb, String policyName) {
        return lb.policy(policyName).map(p -> p.kind() == PolicyKind.SSL_NEGOTIATION).orElse(false);
    }

    private static void healthCheck(YamlWriter yaml, HealthCheck check) {
        if (check == null) {
            return;
        }
        boolean isDefault = check.equals(HealthCheck.AWS_DEFAULT);
        yaml.line(1, "healthCheck:" + (isDefault ? "  # AWS default" : ""));
        yaml.field(2, "target", check.target(), null);
        yaml.field(2, "interval", check.interval(), null);
        yaml.field(2, "timeout", check.timeout(), null);
        yaml.field(2, "healthyThreshold", check.healthyThreshold(), null);
        yaml.field(2, "unhealthyThreshold", check.unhealthyThreshold(), null);
    }

    /** Only what differs from AWS's defaults: the rest is neither written nor then reconciled. */
    private static void attributes(YamlWriter yaml, Attributes attributes) {
        if (attributes == null) {
            return;
        }
        Attributes defaults = Attributes.AWS_DEFAULT;
        List<Runnable> lines = new ArrayList<>();
        if (attributes.crossZoneLoadBalancing() != null && !attributes.crossZoneLoadBalancing().equals(defaults.crossZoneLoadBalancing())) {
            lines.add(() -> yaml.field(2, "crossZoneLoadBalancing", attributes.crossZoneLoadBalancing(), null));
        }
        if (attributes.connectionDraining() != null && !attributes.connectionDraining().equals(defaults.connectionDraining())) {
            lines.add(() -> yaml.line(2, "connectionDraining: {enabled: " + attributes.connectionDraining().enabled()
                    + ", timeout: " + attributes.connectionDraining().timeout() + "}"));
        }
        if (attributes.idleTimeout() != null && !attributes.idleTimeout().equals(defaults.idleTimeout())) {
            lines.add(() -> yaml.field(2, "idleTimeout", attributes.idleTimeout(), null));
        }
        AccessLog log = attributes.accessLog();
        if (log != null && log.enabled()) {
            lines.add(() -> {
                yaml.line(2, "accessLog:");
                yaml.field(3, "enabled", true, null);
                if (log.s3BucketName() != null) {
                    yaml.field(3, "s3BucketName", log.s3BucketName(), null);
                }
                if (log.s3BucketPrefix() != null && !log.s3BucketPrefix().isEmpty()) {
                    yaml.field(3, "s3BucketPrefix", log.s3BucketPrefix(), null);
                }
                yaml.field(3, "emitInterval", log.emitInterval() == null ? 60 : log.emitInterval(), null);
            });
        }
        if (lines.isEmpty()) {
            yaml.comment(1, "attributes: all AWS defaults (crossZoneLoadBalancing false, connectionDraining off/300, idleTimeout 60, accessLog off)");
            return;
        }
        yaml.line(1, "attributes:");
        lines.forEach(Runnable::run);
    }

    private static void policy(YamlWriter yaml, ObservedLoadBalancer lb, ManagedPolicy policy) {
        yaml.line(0, "apiVersion: elb-reconcile/v1");
        yaml.line(0, "kind: " + policy.kind().documentKind());
        yaml.line(0, "metadata:");
        yaml.field(1, "name", policy.name(), null);
        yaml.line(0, "spec:");
        yaml.field(1, "loadBalancer", lb.name(), null);
        Runnable settings = policy.match(
                lbCookie -> () -> yaml.field(1, "cookieExpirationPeriod", lbCookie.cookieExpirationPeriod(),
                        lbCookie.cookieExpirationPeriod() == 0 ? "0 = browser-session cookie (AWS default)" : "seconds"),
                app -> () -> yaml.field(1, "cookieName", app.cookieName(), null),
                ssl -> () -> sslSettings(yaml, ssl),
                proxy -> () -> {
                    if (!proxy.proxyProtocol()) {
                        yaml.comment(1, "AWS reports ProxyProtocol=false, which no document declares: plan replaces it with ProxyProtocol=true");
                    }
                },
                key -> () -> yaml.field(1, "publicKey", key.publicKey(), null),
                auth -> () -> yaml.list(1, "publicKeyPolicies", auth.publicKeyPolicies()));
        settings.run();
        boolean enabledNowhere = lb.listeners().stream().noneMatch(l -> l.policyNames().contains(policy.name()))
                && lb.backendServers().stream().noneMatch(b -> b.policyNames().contains(policy.name()))
                && lb.policies().stream().noneMatch(p -> p.referencedPolicies().contains(policy.name()));
        if (enabledNowhere) {
            yaml.comment(0, "enabled on no listener or instance port; kept so that plan does not delete it as an orphan");
        }
    }
}
