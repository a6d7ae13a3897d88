package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Application-controlled stickiness: follows the lifetime of the application's own cookie. */
public record AppCookiePolicy(String name, String cookieName) implements StickinessPolicy {

    public AppCookiePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cookieName, "cookieName");
        if (cookieName.isEmpty()) {
            throw new IllegalArgumentException("cookieName must not be empty");
        }
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.APP_COOKIE;
    }

    @Override
    public AppCookiePolicy renamed(String newName) {
        return new AppCookiePolicy(newName, cookieName);
    }

    @Override
    public String describeSettings() {
        return "cookieName=" + cookieName;
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return appCookie.apply(this);
    }

    @Override
    public List<PolicyAttribute> wireAttributes() {
        return List.of(new PolicyAttribute("CookieName", cookieName));
    }

    static AppCookiePolicy fromWire(String name, List<PolicyAttribute> attributes) {
        return new AppCookiePolicy(name, attributes.stream().filter(a -> a.name().equals("CookieName"))
                .map(PolicyAttribute::value).findFirst().orElse("?"));
    }
}
