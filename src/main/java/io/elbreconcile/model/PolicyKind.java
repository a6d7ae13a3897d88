package io.elbreconcile.model;

import java.util.List;

/** The policy kinds this product manages, with their AWS type names. */
public enum PolicyKind {
    LB_COOKIE("LBCookieStickinessPolicy", "LBCookieStickinessPolicyType"),
    APP_COOKIE("AppCookieStickinessPolicy", "AppCookieStickinessPolicyType"),
    SSL_NEGOTIATION("SSLNegotiationPolicy", "SSLNegotiationPolicyType"),
    PROXY_PROTOCOL("ProxyProtocolPolicy", "ProxyProtocolPolicyType"),
    PUBLIC_KEY("PublicKeyPolicy", "PublicKeyPolicyType"),
    BACKEND_AUTHENTICATION("BackendServerAuthenticationPolicy", "BackendServerAuthenticationPolicyType");

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

    /**
     * Enabled on a back-end (instance) port through SetLoadBalancerPoliciesForBackendServer rather
     * than on a listener; a public key policy is on neither, only named by an authentication policy.
     */
    public boolean enabledOnBackendServers() {
        return switch (this) {
            case PROXY_PROTOCOL, BACKEND_AUTHENTICATION -> true;
            case LB_COOKIE, APP_COOKIE, SSL_NEGOTIATION, PUBLIC_KEY -> false;
        };
    }

    /**
     * Whether a replacement always goes through a temporary copy, whatever the replace strategy:
     * what it guards (TLS on an HTTPS listener, the proxy header or back-end authentication an
     * instance port relies on) must not lapse even for a moment.
     */
    public boolean neverLapses() {
        return switch (this) {
            case SSL_NEGOTIATION, PROXY_PROTOCOL, PUBLIC_KEY, BACKEND_AUTHENTICATION -> true;
            case LB_COOKIE, APP_COOKIE -> false;
        };
    }

    /** A policy of this kind from the attributes DescribeLoadBalancerPolicies reports. */
    ManagedPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        return switch (this) {
            case LB_COOKIE -> LbCookiePolicy.fromWire(name, attributes);
            case APP_COOKIE -> AppCookiePolicy.fromWire(name, attributes);
            case SSL_NEGOTIATION -> SslNegotiationPolicy.fromWire(name, attributes);
            case PROXY_PROTOCOL -> ProxyProtocolPolicy.fromWire(name, attributes);
            case PUBLIC_KEY -> PublicKeyPolicy.fromWire(name, attributes);
            case BACKEND_AUTHENTICATION -> BackendAuthenticationPolicy.fromWire(name, attributes);
        };
    }
}
