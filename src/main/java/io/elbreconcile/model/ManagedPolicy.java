package io.elbreconcile.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A load balancer policy this product manages. AWS policies are immutable: a changed attribute
 * means a new policy, so every kind supports the zero-gap replacement through {@link #renamed}.
 */
public sealed interface ManagedPolicy permits StickinessPolicy, SslNegotiationPolicy, ProxyProtocolPolicy, PublicKeyPolicy,
        BackendAuthenticationPolicy {

    String name();

    PolicyKind kind();

    /** The same attributes under another name (used for the zero-gap temporary policy). */
    ManagedPolicy renamed(String newName);

    /** True when both have the same kind and attributes, whatever their names. */
    default boolean sameSettingsAs(ManagedPolicy other) {
        return renamed(other.name()).equals(other);
    }

    /** Attributes for display, e.g. {@code cookieExpirationPeriod=60}. */
    String describeSettings();

    /**
     * The one place that tells the kinds apart: a caller gives one function per kind, so a new kind
     * fails to compile wherever it must be handled (Java 17 has no pattern switch; see STYLE.md).
     */
    <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication);

    /**
     * Other policies of the same load balancer this one names in its attributes (a back-end
     * authentication policy's public key policies): they must exist before it is created and
     * cannot be deleted while it exists.
     */
    default List<String> referencedPolicies() {
        return List.of();
    }

    /** The same policy naming other policies instead (the temporary copies of a zero-gap replacement). */
    default ManagedPolicy withReferencesRenamed(Function<String, String> rename) {
        return this;
    }

    /** The attributes CreateLoadBalancerPolicy takes for it. */
    List<PolicyAttribute> wireAttributes();

    /**
     * A policy as DescribeLoadBalancerPolicies reports it, when its type is one this product
     * manages; empty for the other types, which stay untouched names.
     */
    static Optional<ManagedPolicy> fromWire(String name, String typeName, List<PolicyAttribute> attributes) {
        for (PolicyKind kind : PolicyKind.values()) {
            if (kind.awsTypeName().equals(typeName)) {
                return Optional.of(kind.fromWire(name, attributes));
            }
        }
        return Optional.empty();
    }
}
