package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.StickinessPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Digests of what a plan read, so that applying a saved plan can first re-read the same things and
 * refuse if anything moved. Keys are addresses: {@code LoadBalancer/x} for the description,
 * {@code Tags/x} for its tags, {@code Attributes/x} when attributes were read,
 * {@code SSLNegotiationPolicy/x/name} for each policy that was described apart. The records' own text forms are the
 * canonical form: every collection in them is sorted, so equal states print equally.
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
                fingerprints.put(Address.tags(name).toString(), sha256(observed.tags().toString()));
                // Policies read with DescribeLoadBalancerPolicies (an SSL policy's settings) apart from
                // the description, which names them only.
                observed.policies().stream().filter(p -> !(p instanceof StickinessPolicy)).forEach(p ->
                        fingerprints.put(Address.policy(name, p).toString(), sha256(p.toString())));
            }
            if (observed != null && observed.attributes() != null) {
                fingerprints.put(Address.attributes(name).toString(), sha256(observed.attributes().toString()));
            }
        }
        return fingerprints;
    }

    /**
     * The digest of what one DescribeLoadBalancers call tells (no tags, no attributes): apply
     * re-reads that just before its first write to a load balancer, 20 names a call.
     */
    public static String ofDescription(ObservedLoadBalancer observed) {
        // As DescribeLoadBalancers tells it: policies other than cookie ones by name only, so that a
        // re-read by name compares equal to an observation that also described them.
        String text = observed.asDescribed().withTags(new TreeMap<>()).withAttributes(null).toString();
        // Without back-end policies it reads as it did before the field existed, so plans saved then still apply.
        String noBackends = ", backendServers=[]]";
        return sha256(text.endsWith(noBackends) ? text.substring(0, text.length() - noBackends.length()) + "]" : text);
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
