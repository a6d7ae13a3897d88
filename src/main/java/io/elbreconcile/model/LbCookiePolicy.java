package io.elbreconcile.model;

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
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie) {
        return lbCookie.apply(this);
    }
}
