package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Proxy Protocol on a back-end port: the load balancer prepends a header with the client's address
 * to each TCP connection (user guide, enable-proxy-protocol). The language only declares it on
 * ({@code ProxyProtocol=true}); a policy AWS reports with {@code false} is kept as read, so it
 * compares unequal to a declared one and is replaced.
 */
public record ProxyProtocolPolicy(String name, boolean proxyProtocol) implements ManagedPolicy {

    static final String ATTRIBUTE = "ProxyProtocol";

    public ProxyProtocolPolicy {
        Objects.requireNonNull(name, "name");
    }

    /** What a {@code ProxyProtocolPolicy} document declares. */
    public static ProxyProtocolPolicy enabled(String name) {
        return new ProxyProtocolPolicy(name, true);
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.PROXY_PROTOCOL;
    }

    @Override
    public ProxyProtocolPolicy renamed(String newName) {
        return new ProxyProtocolPolicy(newName, proxyProtocol);
    }

    @Override
    public String describeSettings() {
        return "proxyProtocol=" + proxyProtocol;
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return proxyProtocol.apply(this);
    }

    @Override
    public List<PolicyAttribute> wireAttributes() {
        return List.of(new PolicyAttribute(ATTRIBUTE, Boolean.toString(proxyProtocol)));
    }

    /** The type's one Boolean attribute (cardinality ONE); anything but {@code true} is off. */
    static ProxyProtocolPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        boolean on = attributes.stream().anyMatch(a -> a.name().equals(ATTRIBUTE) && a.value().trim().equalsIgnoreCase("true"));
        return new ProxyProtocolPolicy(name, on);
    }
}
