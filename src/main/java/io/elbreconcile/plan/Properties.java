package io.elbreconcile.plan;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.Scheme;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The flat before/after views of each resource kind shown in a {@link Change}. */
final class Properties {

    private Properties() {
    }

    static SortedMap<String, Object> none() {
        return new TreeMap<>();
    }

    static SortedMap<String, Object> loadBalancer(Scheme scheme, List<String> zones, List<String> subnets,
                                                  List<String> securityGroups) {
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("scheme", scheme == null ? "unknown" : scheme.wire());
        if (!zones.isEmpty()) {
            p.put("availabilityZones", zones);
        }
        if (!subnets.isEmpty()) {
            p.put("subnets", subnets);
        }
        if (!securityGroups.isEmpty()) {
            p.put("securityGroups", securityGroups);
        }
        return p;
    }

    static SortedMap<String, Object> listener(Listener listener) {
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("protocol", listener.protocol().name());
        p.put("loadBalancerPort", (long) listener.loadBalancerPort());
        p.put("instanceProtocol", listener.instanceProtocol().name());
        p.put("instancePort", (long) listener.instancePort());
        if (listener.sslCertificateId() != null) {
            p.put("sslCertificateId", listener.sslCertificateId());
        }
        return p;
    }

    static SortedMap<String, Object> policyNames(List<String> names) {
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("policyNames", names);
        return p;
    }

    static SortedMap<String, Object> policy(ManagedPolicy policy) {
        SortedMap<String, Object> p = new TreeMap<>();
        p.put("type", policy.kind().awsTypeName());
        p.putAll(policySettings(policy));
        return p;
    }

    /** A policy's settings by the names its document uses. */
    static SortedMap<String, Object> policySettings(ManagedPolicy policy) {
        SortedMap<String, Object> p = new TreeMap<>();
        policy.match(lb -> p.put("cookieExpirationPeriod", lb.cookieExpirationPeriod()),
                app -> p.put("cookieName", app.cookieName()),
                ssl -> {
                    if (ssl.reference() != null) {
                        return p.put("reference", ssl.reference());
                    }
                    p.put("protocols", ssl.protocols());
                    p.put("ciphers", ssl.ciphers());
                    return p.put("serverOrderPreference", ssl.serverOrderPreference());
                },
                proxy -> p.put("proxyProtocol", proxy.proxyProtocol()),
                key -> p.put("publicKey", key.publicKey()),
                auth -> p.put("publicKeyPolicies", auth.publicKeyPolicies()));
        return p;
    }

    static SortedMap<String, Object> healthCheck(HealthCheck healthCheck) {
        SortedMap<String, Object> p = new TreeMap<>();
        if (healthCheck != null) {
            p.put("target", healthCheck.target());
            p.put("interval", (long) healthCheck.interval());
            p.put("timeout", (long) healthCheck.timeout());
            p.put("healthyThreshold", (long) healthCheck.healthyThreshold());
            p.put("unhealthyThreshold", (long) healthCheck.unhealthyThreshold());
        }
        return p;
    }

    /**
     * Only the groups declared in {@code declared} are shown, taken from {@code values}; a disabled
     * access log shows no bucket, so it equals any disabled one whatever AWS still remembers.
     */
    static SortedMap<String, Object> attributes(Attributes values, Attributes declared) {
        SortedMap<String, Object> p = new TreeMap<>();
        if (values == null) {
            return p;
        }
        if (declared.crossZoneLoadBalancing() != null && values.crossZoneLoadBalancing() != null) {
            p.put("crossZoneLoadBalancing", values.crossZoneLoadBalancing());
        }
        if (declared.connectionDraining() != null && values.connectionDraining() != null) {
            p.put("connectionDraining.enabled", values.connectionDraining().enabled());
            p.put("connectionDraining.timeout", (long) values.connectionDraining().timeout());
        }
        if (declared.idleTimeout() != null && values.idleTimeout() != null) {
            p.put("idleTimeout", (long) values.idleTimeout());
        }
        if (declared.accessLog() != null && values.accessLog() != null) {
            AccessLog log = values.accessLog();
            p.put("accessLog.enabled", log.enabled());
            if (log.enabled()) {
                putIfSet(p, "accessLog.s3BucketName", log.s3BucketName());
                putIfSet(p, "accessLog.s3BucketPrefix", log.s3BucketPrefix());
                // AWS's default interval is 60 minutes; absent and 60 are the same.
                p.put("accessLog.emitInterval", (long) (log.emitInterval() == null ? 60 : log.emitInterval()));
            }
        }
        return p;
    }

    static SortedMap<String, Object> tags(Map<String, String> tags) {
        return new TreeMap<>(tags);
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(key, value);
        }
    }
}
