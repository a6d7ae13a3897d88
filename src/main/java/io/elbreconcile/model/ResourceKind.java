package io.elbreconcile.model;

/** The kinds of addressable things; the address prefix is the enum's display name (PRODUCT.md section 3). */
public enum ResourceKind {
    LOAD_BALANCER("LoadBalancer"),
    LISTENER("Listener"),
    LB_COOKIE_POLICY("LBCookieStickinessPolicy"),
    APP_COOKIE_POLICY("AppCookieStickinessPolicy"),
    SSL_NEGOTIATION_POLICY("SSLNegotiationPolicy"),
    PROXY_PROTOCOL_POLICY("ProxyProtocolPolicy"),
    PUBLIC_KEY_POLICY("PublicKeyPolicy"),
    BACKEND_AUTHENTICATION_POLICY("BackendServerAuthenticationPolicy"),
    LISTENER_POLICIES("ListenerPolicies"),
    BACKEND_SERVER_POLICIES("BackendServerPolicies"),
    HEALTH_CHECK("HealthCheck"),
    ATTRIBUTES("Attributes"),
    TAGS("Tags");

    private final String prefix;

    ResourceKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** True for the kinds that address one policy. */
    public boolean isPolicy() {
        return switch (this) {
            case LB_COOKIE_POLICY, APP_COOKIE_POLICY, SSL_NEGOTIATION_POLICY, PROXY_PROTOCOL_POLICY, PUBLIC_KEY_POLICY,
                    BACKEND_AUTHENTICATION_POLICY -> true;
            case LOAD_BALANCER, LISTENER, LISTENER_POLICIES, BACKEND_SERVER_POLICIES, HEALTH_CHECK, ATTRIBUTES, TAGS -> false;
        };
    }

    public static ResourceKind fromPrefix(String prefix) {
        for (ResourceKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown address kind '" + prefix + "'");
    }

    public static ResourceKind of(PolicyKind policyKind) {
        return switch (policyKind) {
            case LB_COOKIE -> LB_COOKIE_POLICY;
            case APP_COOKIE -> APP_COOKIE_POLICY;
            case SSL_NEGOTIATION -> SSL_NEGOTIATION_POLICY;
            case PROXY_PROTOCOL -> PROXY_PROTOCOL_POLICY;
            case PUBLIC_KEY -> PUBLIC_KEY_POLICY;
            case BACKEND_AUTHENTICATION -> BACKEND_AUTHENTICATION_POLICY;
        };
    }
}
