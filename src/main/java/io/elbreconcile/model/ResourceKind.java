package io.elbreconcile.model;

/** The kinds of addressable things; the address prefix is the enum's display name (PRODUCT.md section 3). */
public enum ResourceKind {
    LOAD_BALANCER("LoadBalancer"),
    LISTENER("Listener"),
    LB_COOKIE_POLICY("LBCookieStickinessPolicy"),
    APP_COOKIE_POLICY("AppCookieStickinessPolicy"),
    LISTENER_POLICIES("ListenerPolicies"),
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
        };
    }
}
