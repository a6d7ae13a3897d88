package io.elbreconcile.model;

import java.util.List;

/**
 * What AWS predefines for SSL negotiation, known offline so that {@code validate} can check a
 * reference, a protocol or a cipher without a network. Sources: AWS, "User Guide for Classic Load
 * Balancers", page "Predefined SSL security policies for Classic Load Balancers"
 * (elb-security-policy-table) for the policy names; for the protocols and ciphers, see each list.
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

    /**
     * The protocols an SSL negotiation policy can enable, without AWS's {@code Protocol-} attribute
     * prefix. TLS 1.2, 1.1, 1.0 and SSL 3.0 are the versions the user guide's page "SSL negotiation
     * configurations for Classic Load Balancers" (elb-ssl-security-policy, section "SSL protocols")
     * says ELB supports, and the names DescribeLoadBalancerPolicies reports for them. SSL 2.0 is the
     * page's "deprecated SSL protocol" that a custom policy may still have enabled: AWS can hold it,
     * so an import of such a policy must read back, though AWS refuses it on a new policy.
     */
    public static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "SSLv3", "SSLv2");

    /**
     * Every cipher an SSL negotiation policy can enable, in AWS's order: the list on the same page
     * (section "SSL ciphers": "All of these ciphers are available for use in a custom policy"),
     * which names every cipher of AWS's table of predefined policies and the older ones besides
     * (RC4-SHA, DHE-RSA-AES256-SHA256, the EXP-* export ciphers...).
     */
    public static final List<String> CIPHERS = List.of(
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
            "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "DHE-RSA-AES128-SHA",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256",
            "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA", "DHE-DSS-AES128-SHA",
            "CAMELLIA128-SHA", "EDH-RSA-DES-CBC3-SHA", "DES-CBC3-SHA", "ECDHE-RSA-RC4-SHA", "RC4-SHA",
            "ECDHE-ECDSA-RC4-SHA", "DHE-DSS-AES256-GCM-SHA384", "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-AES256-SHA256",
            "DHE-DSS-AES256-SHA256", "DHE-RSA-AES256-SHA", "DHE-DSS-AES256-SHA", "DHE-RSA-CAMELLIA256-SHA",
            "DHE-DSS-CAMELLIA256-SHA", "CAMELLIA256-SHA", "EDH-DSS-DES-CBC3-SHA", "DHE-DSS-AES128-GCM-SHA256",
            "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES128-SHA256", "DHE-DSS-AES128-SHA256", "DHE-RSA-CAMELLIA128-SHA",
            "DHE-DSS-CAMELLIA128-SHA", "ADH-AES128-GCM-SHA256", "ADH-AES128-SHA", "ADH-AES128-SHA256",
            "ADH-AES256-GCM-SHA384", "ADH-AES256-SHA", "ADH-AES256-SHA256", "ADH-CAMELLIA128-SHA",
            "ADH-CAMELLIA256-SHA", "ADH-DES-CBC3-SHA", "ADH-DES-CBC-SHA", "ADH-RC4-MD5", "ADH-SEED-SHA",
            "DES-CBC-SHA", "DHE-DSS-SEED-SHA", "DHE-RSA-SEED-SHA", "EDH-DSS-DES-CBC-SHA", "EDH-RSA-DES-CBC-SHA",
            "IDEA-CBC-SHA", "RC4-MD5", "SEED-SHA", "DES-CBC3-MD5", "DES-CBC-MD5", "RC2-CBC-MD5",
            "PSK-AES256-CBC-SHA", "PSK-3DES-EDE-CBC-SHA", "KRB5-DES-CBC3-SHA", "KRB5-DES-CBC3-MD5",
            "PSK-AES128-CBC-SHA", "PSK-RC4-SHA", "KRB5-RC4-SHA", "KRB5-RC4-MD5", "KRB5-DES-CBC-SHA",
            "KRB5-DES-CBC-MD5", "EXP-EDH-RSA-DES-CBC-SHA", "EXP-EDH-DSS-DES-CBC-SHA", "EXP-ADH-DES-CBC-SHA",
            "EXP-DES-CBC-SHA", "EXP-RC2-CBC-MD5", "EXP-KRB5-RC2-CBC-SHA", "EXP-KRB5-DES-CBC-SHA",
            "EXP-KRB5-RC2-CBC-MD5", "EXP-KRB5-DES-CBC-MD5", "EXP-ADH-RC4-MD5", "EXP-RC4-MD5", "EXP-KRB5-RC4-SHA",
            "EXP-KRB5-RC4-MD5");

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
