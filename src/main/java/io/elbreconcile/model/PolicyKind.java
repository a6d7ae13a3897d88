package io.elbreconcile.model;

import java.util.List;

/** The policy kinds this product manages, with their AWS type names. */
public enum PolicyKind {
    LB_COOKIE("LBCookieStickinessPolicy", "LBCookieStickinessPolicyType"),
    APP_COOKIE("AppCookieStickinessPolicy", "AppCookieStickinessPolicyType"),
    SSL_NEGOTIATION("SSLNegotiationPolicy", "SSLNegotiationPolicyType");

    private final String documentKind;
    private final String awsTypeName;

    PolicyKind(String documentKind, String awsTypeName) {
        this.documentKind = documentKind;
        this.awsTypeName = awsTypeName;
    }

    /** The YAML {@code kind} and the address prefix. */
    public String documentKind() {
        return documentKind;
    }

    /** The {@code PolicyTypeName} AWS reports in DescribeLoadBalancerPolicies. */
    public String awsTypeName() {
        return awsTypeName;
    }

    /** A policy of this kind from the attributes DescribeLoadBalancerPolicies reports. */
    ManagedPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        return switch (this) {
            case LB_COOKIE -> LbCookiePolicy.fromWire(name, attributes);
            case APP_COOKIE -> AppCookiePolicy.fromWire(name, attributes);
            case SSL_NEGOTIATION -> SslNegotiationPolicy.fromWire(name, attributes);
        };
    }
}
