package io.elbreconcile.aws;

import io.elbreconcile.model.AccessLog;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.BackendServer;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyAttribute;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionSettings;
import software.amazon.awssdk.services.elasticloadbalancing.model.CrossZoneLoadBalancing;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Policies;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** SDK shapes to normalised model records and back; nothing here calls AWS. */
final class SdkMapping {

    private SdkMapping() {
    }

    // ---- from the SDK ------------------------------------------------------------------------

    /** Tags empty and attributes null: they come from other calls (reference fact 9). */
    static ObservedLoadBalancer observed(LoadBalancerDescription d) {
        List<Listener> listeners = d.listenerDescriptions().stream().map(SdkMapping::listener).toList();
        Policies policies = d.policies();
        List<ManagedPolicy> cookiePolicies = new ArrayList<>();
        List<String> otherPolicies = List.of();
        if (policies != null) {
            // Absent CookieExpirationPeriod means a browser-session cookie, which we store as 0 (fact 7).
            policies.lbCookieStickinessPolicies().forEach(p -> cookiePolicies.add(new LbCookiePolicy(p.policyName(),
                    p.cookieExpirationPeriod() == null ? 0 : p.cookieExpirationPeriod())));
            policies.appCookieStickinessPolicies().forEach(p ->
                    cookiePolicies.add(new AppCookiePolicy(p.policyName(), p.cookieName())));
            otherPolicies = policies.otherPolicies();
        }
        // AWS omits Scheme only for EC2-Classic load balancers, which are internet-facing.
        Scheme scheme = d.scheme() == null || d.scheme().isBlank() ? Scheme.INTERNET_FACING : Scheme.fromWire(d.scheme());
        return new ObservedLoadBalancer(d.loadBalancerName(), d.dnsName(), scheme, d.availabilityZones(), d.subnets(),
                d.securityGroups(), listeners, cookiePolicies, otherPolicies, healthCheck(d.healthCheck()),
                new TreeMap<>(), null, d.backendServerDescriptions().stream()
                        .filter(b -> b.instancePort() != null)
                        .map(b -> new BackendServer(b.instancePort(), b.policyNames())).toList());
    }

    /** A described policy, when its type is one this product manages. */
    static Optional<ManagedPolicy> policy(PolicyDescription description) {
        List<PolicyAttribute> attributes = description.policyAttributeDescriptions().stream()
                .map(a -> new PolicyAttribute(a.attributeName(), a.attributeValue() == null ? "" : a.attributeValue()))
                .toList();
        return ManagedPolicy.fromWire(description.policyName(), description.policyTypeName(), attributes);
    }

    static List<software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute> policyAttributes(
            List<PolicyAttribute> attributes) {
        return attributes.stream().map(a -> software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute
                .builder().attributeName(a.name()).attributeValue(a.value()).build()).toList();
    }

    static Listener listener(ListenerDescription description) {
        software.amazon.awssdk.services.elasticloadbalancing.model.Listener l = description.listener();
        Protocol protocol = Protocol.parse(l.protocol());
        // InstanceProtocol defaults to the front-end protocol when not given [model Listener].
        Protocol instanceProtocol = l.instanceProtocol() == null || l.instanceProtocol().isBlank()
                ? protocol : Protocol.parse(l.instanceProtocol());
        // The order of PolicyNames is kept: it is the list SetLoadBalancerPoliciesOfListener set.
        return new Listener(protocol, l.loadBalancerPort(), instanceProtocol, l.instancePort(), l.sslCertificateId(),
                description.policyNames());
    }

    static HealthCheck healthCheck(software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck h) {
        if (h == null || h.target() == null) {
            return null;
        }
        return new HealthCheck(h.target(), orZero(h.interval()), orZero(h.timeout()), orZero(h.healthyThreshold()),
                orZero(h.unhealthyThreshold()));
    }

    /** Every member filled: what AWS does not report is its documented default (reference 6.4). */
    static Attributes attributes(LoadBalancerAttributes a) {
        Attributes defaults = Attributes.AWS_DEFAULT;
        Boolean crossZone = a.crossZoneLoadBalancing() == null || a.crossZoneLoadBalancing().enabled() == null
                ? defaults.crossZoneLoadBalancing() : a.crossZoneLoadBalancing().enabled();
        ConnectionDraining draining = a.connectionDraining() == null ? defaults.connectionDraining()
                : new ConnectionDraining(Boolean.TRUE.equals(a.connectionDraining().enabled()),
                        a.connectionDraining().timeout() == null ? defaults.connectionDraining().timeout()
                                : a.connectionDraining().timeout());
        Integer idle = a.connectionSettings() == null || a.connectionSettings().idleTimeout() == null
                ? defaults.idleTimeout() : a.connectionSettings().idleTimeout();
        AccessLog log = a.accessLog() == null ? defaults.accessLog()
                : new AccessLog(Boolean.TRUE.equals(a.accessLog().enabled()), a.accessLog().s3BucketName(),
                        a.accessLog().emitInterval(), a.accessLog().s3BucketPrefix());
        return new Attributes(crossZone, draining, idle, log);
    }

    static SortedMap<String, String> tags(Collection<Tag> tags) {
        SortedMap<String, String> byKey = new TreeMap<>();
        // A tag may have no value; AWS shows it as empty, and so do we.
        tags.forEach(t -> byKey.put(t.key(), t.value() == null ? "" : t.value()));
        return byKey;
    }

    // ---- to the SDK --------------------------------------------------------------------------

    static software.amazon.awssdk.services.elasticloadbalancing.model.Listener listener(Listener l) {
        return software.amazon.awssdk.services.elasticloadbalancing.model.Listener.builder()
                .protocol(l.protocol().name())
                .loadBalancerPort(l.loadBalancerPort())
                .instanceProtocol(l.instanceProtocol().name())
                .instancePort(l.instancePort())
                .sslCertificateId(l.sslCertificateId())
                .build();
    }

    static software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck healthCheck(HealthCheck h) {
        return software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck.builder()
                .target(h.target())
                .interval(h.interval())
                .timeout(h.timeout())
                .healthyThreshold(h.healthyThreshold())
                .unhealthyThreshold(h.unhealthyThreshold())
                .build();
    }

    /** Only the declared (non-null) groups: ModifyLoadBalancerAttributes leaves the others alone. */
    static LoadBalancerAttributes attributes(Attributes a) {
        LoadBalancerAttributes.Builder b = LoadBalancerAttributes.builder();
        if (a.crossZoneLoadBalancing() != null) {
            b.crossZoneLoadBalancing(CrossZoneLoadBalancing.builder().enabled(a.crossZoneLoadBalancing()).build());
        }
        if (a.connectionDraining() != null) {
            b.connectionDraining(software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionDraining.builder()
                    .enabled(a.connectionDraining().enabled()).timeout(a.connectionDraining().timeout()).build());
        }
        if (a.idleTimeout() != null) {
            b.connectionSettings(ConnectionSettings.builder().idleTimeout(a.idleTimeout()).build());
        }
        if (a.accessLog() != null) {
            AccessLog log = a.accessLog();
            b.accessLog(software.amazon.awssdk.services.elasticloadbalancing.model.AccessLog.builder()
                    .enabled(log.enabled()).s3BucketName(log.s3BucketName()).emitInterval(log.emitInterval())
                    .s3BucketPrefix(log.s3BucketPrefix()).build());
        }
        return b.build();
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
