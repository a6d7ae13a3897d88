package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Duration-based stickiness: the load balancer issues its own cookie. */
public record LbCookiePolicy(String name, long cookieExpirationPeriod) implements StickinessPolicy {

    public LbCookiePolicy {
        Objects.requireNonNull(name, "name");
        // Absent and 0 both mean a browser-session cookie; we store 0 (reference fact 7).
        if (cookieExpirationPeriod < 0) {
            throw new IllegalArgumentException("cookieExpirationPeriod must not be negative: " + cookieExpirationPeriod);
        }
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.LB_COOKIE;
    }

    @Override
    public LbCookiePolicy renamed(String newName) {
        return new LbCookiePolicy(newName, cookieExpirationPeriod);
    }

    @Override
    public String describeSettings() {
        return "cookieExpirationPeriod=" + cookieExpirationPeriod;
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return lbCookie.apply(this);
    }

    @Override
    public List<PolicyAttribute> wireAttributes() {
        return List.of(new PolicyAttribute("CookieExpirationPeriod", Long.toString(cookieExpirationPeriod)));
    }

    /** Absent, empty or 0: a browser-session cookie (fact 7). */
    static LbCookiePolicy fromWire(String name, List<PolicyAttribute> attributes) {
        long period = attributes.stream().filter(a -> a.name().equals("CookieExpirationPeriod") && !a.value().isBlank())
                .mapToLong(a -> Long.parseLong(a.value().trim())).findFirst().orElse(0);
        return new LbCookiePolicy(name, period);
    }
}
