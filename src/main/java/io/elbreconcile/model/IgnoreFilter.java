package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ignore rules as a pure filter over both sides of a comparison. Plan and drift run it
 * before comparing, so whatever it hides is equal on both sides and nothing acts on it: an ignored
 * tag is removed from both; a value under {@code ignoreChanges} is taken from what exists (on a
 * load balancer still to be created, the declared value stays, so it is set on creation).
 */
public final class IgnoreFilter {

    private IgnoreFilter() {
    }

    /** Both sides after the rules, and what they hid that differed. */
    public record Filtered(DesiredLoadBalancer desired, ObservedLoadBalancer observed, List<IgnoredDifference> ignored) {
        public Filtered {
            ignored = ignored.stream().sorted().toList();
        }
    }

    /**
     * @param observed null when the load balancer does not exist yet
     */
    public static Filtered apply(DesiredLoadBalancer desired, ObservedLoadBalancer observed, Settings settings) {
        List<IgnoredDifference> ignored = new ArrayList<>();
        IgnoreChanges rules = desired.ignoreChanges();
        String lb = desired.name();

        SortedMap<String, String> wantedTags = new TreeMap<>(desired.tags());
        SortedMap<String, String> existingTags = observed == null ? new TreeMap<>() : new TreeMap<>(observed.tags());
        TreeSet<String> keys = new TreeSet<>(wantedTags.keySet());
        keys.addAll(existingTags.keySet());
        for (String key : keys) {
            boolean ownedElsewhere = settings.ignoresTag(key) || (observed != null && rules.tag(key));
            if (!ownedElsewhere) {
                continue;
            }
            if (observed != null && !Objects.equals(wantedTags.get(key), existingTags.get(key))) {
                ignored.add(new IgnoredDifference(Address.tags(lb), key));
            }
            wantedTags.remove(key);
            existingTags.remove(key);
        }
        if (observed == null) {
            DesiredLoadBalancer filtered = desired.withOwnedElsewhere(desired.securityGroups(), desired.listeners(),
                    desired.healthCheck(), desired.attributes(), wantedTags);
            return new Filtered(filtered, null, ignored);
        }

        List<String> securityGroups = desired.securityGroups();
        if (rules.securityGroups() && !securityGroups.equals(observed.securityGroups())) {
            ignored.add(new IgnoredDifference(Address.loadBalancer(lb), "securityGroups"));
            securityGroups = observed.securityGroups();
        } else if (rules.securityGroups()) {
            securityGroups = observed.securityGroups();
        }
        List<Listener> listeners = new ArrayList<>();
        for (Listener wanted : desired.listeners()) {
            listeners.add(certificateOwnedElsewhere(lb, wanted, observed, rules, ignored));
        }
        HealthCheck healthCheck = healthCheck(lb, desired.healthCheck(), observed.healthCheck(), rules, ignored);
        Attributes attributes = attributes(lb, desired.attributes(), observed.attributes(), rules, ignored);
        DesiredLoadBalancer filtered = desired.withOwnedElsewhere(securityGroups, listeners, healthCheck, attributes, wantedTags);
        return new Filtered(filtered, observed.withTags(existingTags), ignored);
    }

    private static Listener certificateOwnedElsewhere(String lb, Listener wanted, ObservedLoadBalancer observed,
                                                      IgnoreChanges rules, List<IgnoredDifference> ignored) {
        int port = wanted.loadBalancerPort();
        Listener existing = observed.listener(port).orElse(null);
        // A listener that is re-created gets the declared certificate: that is a creation too.
        if (!rules.certificate(port) || existing == null || existing.needsRecreationToBecome(wanted)
                || existing.sslCertificateId() == null || wanted.sslCertificateId() == null) {
            return wanted;
        }
        if (!existing.sslCertificateId().equals(wanted.sslCertificateId())) {
            ignored.add(new IgnoredDifference(Address.listener(lb, port), "sslCertificateId"));
        }
        return wanted.withCertificate(existing.sslCertificateId());
    }

    private static HealthCheck healthCheck(String lb, HealthCheck wanted, HealthCheck existing, IgnoreChanges rules,
                                           List<IgnoredDifference> ignored) {
        if (wanted == null || existing == null) {
            return wanted;
        }
        Address address = Address.healthCheck(lb);
        String target = pick(address, "target", rules, wanted.target(), existing.target(), ignored);
        int interval = pick(address, "interval", rules, wanted.interval(), existing.interval(), ignored);
        int timeout = pick(address, "timeout", rules, wanted.timeout(), existing.timeout(), ignored);
        int healthy = pick(address, "healthyThreshold", rules, wanted.healthyThreshold(), existing.healthyThreshold(), ignored);
        int unhealthy = pick(address, "unhealthyThreshold", rules, wanted.unhealthyThreshold(), existing.unhealthyThreshold(), ignored);
        return new HealthCheck(target, interval, timeout, healthy, unhealthy);
    }

    private static <T> T pick(Address address, String field, IgnoreChanges rules, T wanted, T existing,
                              List<IgnoredDifference> ignored) {
        if (!rules.healthCheckField(field)) {
            return wanted;
        }
        if (!wanted.equals(existing)) {
            ignored.add(new IgnoredDifference(address, field));
        }
        return existing;
    }

    /** An ignored attribute counts as undeclared from now on: only the declared ones are compared. */
    private static Attributes attributes(String lb, Attributes wanted, Attributes existing, IgnoreChanges rules,
                                         List<IgnoredDifference> ignored) {
        if (existing == null || wanted.isEmpty()) {
            return wanted;
        }
        Address address = Address.attributes(lb);
        return new Attributes(
                keep(address, "crossZoneLoadBalancing", rules, wanted.crossZoneLoadBalancing(), existing.crossZoneLoadBalancing(), ignored),
                keep(address, "connectionDraining", rules, wanted.connectionDraining(), existing.connectionDraining(), ignored),
                keep(address, "idleTimeout", rules, wanted.idleTimeout(), existing.idleTimeout(), ignored),
                keep(address, "accessLog", rules, wanted.accessLog(), existing.accessLog(), ignored));
    }

    /** A disabled access log is the same whatever bucket it remembers (the plan compares it so too). */
    private static boolean same(Object wanted, Object existing) {
        if (wanted instanceof AccessLog declared && existing instanceof AccessLog live && !declared.enabled()) {
            return !live.enabled();
        }
        return wanted.equals(existing);
    }

    private static <T> T keep(Address address, String name, IgnoreChanges rules, T wanted, T existing,
                              List<IgnoredDifference> ignored) {
        if (wanted == null || !rules.attribute(name)) {
            return wanted;
        }
        if (!same(wanted, existing)) {
            ignored.add(new IgnoredDifference(address, name));
        }
        return null;
    }
}
