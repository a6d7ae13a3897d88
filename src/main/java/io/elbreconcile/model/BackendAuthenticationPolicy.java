package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Back-end server authentication: on an HTTPS or SSL instance port, the load balancer accepts an
 * instance only if its certificate's key is one of the named public key policies'. AWS reports one
 * {@code PublicKeyPolicyName} attribute per key (cardinality ONE_OR_MORE); they are a set, kept sorted.
 */
public record BackendAuthenticationPolicy(String name, List<String> publicKeyPolicies) implements ManagedPolicy {

    static final String ATTRIBUTE = "PublicKeyPolicyName";

    public BackendAuthenticationPolicy {
        Objects.requireNonNull(name, "name");
        publicKeyPolicies = publicKeyPolicies.stream().distinct().sorted().toList();
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.BACKEND_AUTHENTICATION;
    }

    @Override
    public BackendAuthenticationPolicy renamed(String newName) {
        return new BackendAuthenticationPolicy(newName, publicKeyPolicies);
    }

    @Override
    public String describeSettings() {
        return "publicKeyPolicies=" + publicKeyPolicies;
    }

    @Override
    public List<String> referencedPolicies() {
        return publicKeyPolicies;
    }

    @Override
    public BackendAuthenticationPolicy withReferencesRenamed(Function<String, String> rename) {
        return new BackendAuthenticationPolicy(name, publicKeyPolicies.stream().map(rename).toList());
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return backendAuthentication.apply(this);
    }

    @Override
    public List<PolicyAttribute> wireAttributes() {
        List<PolicyAttribute> attributes = new ArrayList<>();
        publicKeyPolicies.forEach(key -> attributes.add(new PolicyAttribute(ATTRIBUTE, key)));
        return List.copyOf(attributes);
    }

    static BackendAuthenticationPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        return new BackendAuthenticationPolicy(name, attributes.stream().filter(a -> a.name().equals(ATTRIBUTE))
                .map(PolicyAttribute::value).toList());
    }
}
