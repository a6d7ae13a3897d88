package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.StickinessPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Digests of what a plan read, so that applying a saved plan can first re-read the same things and
 * refuse if anything moved. Keys are addresses: {@code LoadBalancer/x} for the description,
 * {@code Tags/x} for its tags, {@code Attributes/x} when attributes were read,
 * {@code SSLNegotiationPolicy/x/name} for each policy that was described apart. Each hashes a
 * {@link CanonicalText} whose names are written here, never taken from the records' Java names
 * (their {@code toString}), so renaming a component leaves saved plans valid; every collection in
 * it is sorted as the observation sorts it, so equal states give equal digests.
 */
public final class Fingerprints {

    public static final String ABSENT = "absent";

    private Fingerprints() {
    }

    public static SortedMap<String, String> of(Map<String, ObservedLoadBalancer> observedByName,
                                               Iterable<String> namesDependedOn) {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        for (String name : namesDependedOn) {
            ObservedLoadBalancer observed = observedByName.get(name);
            fingerprints.put(Address.loadBalancer(name).toString(), observed == null ? ABSENT : ofDescription(observed));
            if (observed != null) {
                fingerprints.put(Address.tags(name).toString(), sha256(tagsText(observed)));
                // Policies read with DescribeLoadBalancerPolicies (an SSL policy's settings) apart from
                // the description, which names them only.
                observed.policies().stream().filter(p -> !(p instanceof StickinessPolicy)).forEach(p ->
                        fingerprints.put(Address.policy(name, p).toString(), sha256(CanonicalText.of(CanonicalText.policy(p)))));
            }
            if (observed != null && observed.attributes() != null) {
                fingerprints.put(Address.attributes(name).toString(),
                        sha256(CanonicalText.of(CanonicalText.attributes(observed.attributes()))));
            }
        }
        return fingerprints;
    }

    /**
     * The digest of what one DescribeLoadBalancers call tells (no tags, no attributes): apply
     * re-reads that just before its first write to a load balancer, 20 names a call.
     */
    public static String ofDescription(ObservedLoadBalancer observed) {
        return sha256(descriptionText(observed));
    }

    /** The text {@link #ofDescription} hashes. */
    static String descriptionText(ObservedLoadBalancer observed) {
        // As DescribeLoadBalancers tells it: policies other than cookie ones by name only, so that a
        // re-read by name compares equal to an observation that also described them.
        ObservedLoadBalancer described = observed.asDescribed();
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("name", described.name());
        out.put("dnsName", described.dnsName());
        out.put("scheme", described.scheme() == null ? null : described.scheme().wire());
        out.put("availabilityZones", List.copyOf(described.availabilityZones()));
        out.put("subnets", List.copyOf(described.subnets()));
        out.put("securityGroups", List.copyOf(described.securityGroups()));
        List<Object> listeners = new ArrayList<>();
        described.listeners().forEach(l -> listeners.add(CanonicalText.listener(l)));
        out.put("listeners", listeners);
        List<Object> policies = new ArrayList<>();
        described.policies().forEach(p -> policies.add(CanonicalText.policy(p)));
        out.put("policies", policies);
        out.put("otherPolicies", List.copyOf(described.otherPolicies()));
        out.put("healthCheck", described.healthCheck() == null ? null : CanonicalText.healthCheck(described.healthCheck()));
        List<Object> servers = new ArrayList<>();
        described.backendServers().forEach(b -> servers.add(CanonicalText.backendServer(b)));
        out.put("backendServers", servers);
        return CanonicalText.of(out);
    }

    static String tagsText(ObservedLoadBalancer observed) {
        return CanonicalText.of(new TreeMap<String, Object>(observed.tags()));
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
