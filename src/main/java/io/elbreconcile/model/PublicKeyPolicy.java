package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A public key the load balancer accepts from back-end instances, named by a
 * {@link BackendAuthenticationPolicy}; it is never enabled on a port itself. The key is the
 * base64 text between a PEM file's BEGIN and END lines; white space (line breaks of a YAML block
 * scalar) is dropped, so a key wrapped differently compares equal.
 */
public record PublicKeyPolicy(String name, String publicKey) implements ManagedPolicy {

    static final String ATTRIBUTE = "PublicKey";

    public PublicKeyPolicy {
        Objects.requireNonNull(name, "name");
        publicKey = withoutWhiteSpace(Objects.requireNonNull(publicKey, "publicKey"));
    }

    public static String withoutWhiteSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.PUBLIC_KEY;
    }

    @Override
    public PublicKeyPolicy renamed(String newName) {
        return new PublicKeyPolicy(newName, publicKey);
    }

    /** Long keys shortened: the plan shows which key, not all of it. */
    @Override
    public String describeSettings() {
        return "publicKey=" + abbreviated(publicKey);
    }

    public static String abbreviated(String key) {
        return key.length() <= 24 ? key : key.substring(0, 12) + "..." + key.substring(key.length() - 8);
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return publicKey.apply(this);
    }

    @Override
    public List<PolicyAttribute> wireAttributes() {
        return List.of(new PolicyAttribute(ATTRIBUTE, publicKey));
    }

    static PublicKeyPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        String key = attributes.stream().filter(a -> a.name().equals(ATTRIBUTE)).map(PolicyAttribute::value)
                .findFirst().orElse("");
        return new PublicKeyPolicy(name, key);
    }
}
