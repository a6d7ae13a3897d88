package io.elbreconcile.model;

import java.util.List;

/**
 * What AWS predefines for SSL negotiation, known offline so that {@code validate} can check a
 * reference, a protocol or a cipher without a network. Source: AWS, "User Guide for Classic Load
 * Balancers", page "Predefined SSL security policies for Classic Load Balancers"
 * (elb-security-policy-table): its list of policy names, protocols and ciphers.
 */
public final class SecurityPolicies {

    /** The predefined policies a {@code reference} may name. */
    public static final List<String> PREDEFINED = List.of(
            "ELBSecurityPolicy-TLS-1-2-2017-01",
            "ELBSecurityPolicy-TLS-1-1-2017-01",
            "ELBSecurityPolicy-2016-08",
            "ELBSecurityPolicy-2015-05",
            "ELBSecurityPolicy-2015-03",
            "ELBSecurityPolicy-2015-02",
            "ELBSecurityPolicy-2014-10",
            "ELBSecurityPolicy-2014-01",
            "ELBSecurityPolicy-2011-08");

    /**
     * The security policy AWS enables on an HTTPS or SSL listener created without one (user guide,
     * elb-security-policy-table: "the default"); the emulator gives new listeners the same.
     */
    public static final String DEFAULT = "ELBSecurityPolicy-2016-08";

    /**
     * What {@code Settings.allowedSslPolicies} calls a policy of explicit protocols and ciphers: it
     * has no predefined name, and what it enables is the author's choice, so an allow list must
     * name it to accept it.
     */
    public static final String CUSTOM = "custom";

    /** The protocols the table lists, without AWS's {@code Protocol-} attribute prefix. */
    public static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2");

    /** The ciphers the table lists. */
    public static final List<String> CIPHERS = List.of(
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
            "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "DHE-RSA-AES128-SHA",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256",
            "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA", "DHE-DSS-AES128-SHA",
            "DES-CBC3-SHA");

    private SecurityPolicies() {
    }

    /** What an allow list of SSL policies can name: every predefined policy, and {@link #CUSTOM}. */
    public static List<String> allowListVocabulary() {
        List<String> names = new java.util.ArrayList<>(PREDEFINED);
        names.add(CUSTOM);
        return List.copyOf(names);
    }

    /** The security policy a policy amounts to: its reference, or {@link #CUSTOM}. */
    public static String securityPolicyOf(SslNegotiationPolicy policy) {
        return policy.reference() != null ? policy.reference() : CUSTOM;
    }

    /**
     * True for the names AWS gives its own SSL policies: the predefined {@code ELBSecurityPolicy-*}
     * ones (AWS enables {@code ELBSecurityPolicy-2016-08} on a listener created without one) and the
     * {@code ELBSample-*} samples. Such a policy on a load balancer is AWS's, never an orphan, and
     * no document may take its name.
     */
    public static boolean isAwsName(String policyName) {
        return policyName.startsWith("ELBSecurityPolicy-") || policyName.startsWith("ELBSample-");
    }
}
