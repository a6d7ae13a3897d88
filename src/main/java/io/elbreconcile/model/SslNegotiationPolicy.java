package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which TLS protocols and ciphers an HTTPS or SSL listener accepts: either a predefined AWS
 * security policy by name ({@code reference}) or an explicit choice. Protocols and ciphers are
 * sets (AWS reports them as one boolean attribute each), kept sorted so equal policies compare equal.
 *
 * @param reference an {@code ELBSecurityPolicy-*} name, or null for the explicit form
 * @param protocols e.g. {@code TLSv1.2}; empty with a reference
 * @param ciphers OpenSSL cipher names as AWS spells them; empty with a reference
 * @param serverOrderPreference {@code Server-Defined-Cipher-Order}; false with a reference
 */
public record SslNegotiationPolicy(String name, String reference, List<String> protocols, List<String> ciphers,
                                   boolean serverOrderPreference) implements ManagedPolicy {

    static final String REFERENCE_ATTRIBUTE = "Reference-Security-Policy";
    static final String PROTOCOL_PREFIX = "Protocol-";
    static final String SERVER_ORDER_ATTRIBUTE = "Server-Defined-Cipher-Order";

    public SslNegotiationPolicy {
        Objects.requireNonNull(name, "name");
        protocols = protocols.stream().distinct().sorted().toList();
        ciphers = ciphers.stream().distinct().sorted().toList();
        if (reference != null && (!protocols.isEmpty() || !ciphers.isEmpty() || serverOrderPreference)) {
            throw new IllegalArgumentException("a reference policy takes no protocols, ciphers or server order");
        }
    }

    public static SslNegotiationPolicy ofReference(String name, String reference) {
        return new SslNegotiationPolicy(name, Objects.requireNonNull(reference, "reference"), List.of(), List.of(), false);
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.SSL_NEGOTIATION;
    }

    @Override
    public SslNegotiationPolicy renamed(String newName) {
        return new SslNegotiationPolicy(newName, reference, protocols, ciphers, serverOrderPreference);
    }

    @Override
    public String describeSettings() {
        if (reference != null) {
            return "reference=" + reference;
        }
        return "protocols=" + protocols + " ciphers=" + ciphers + " serverOrderPreference=" + serverOrderPreference;
    }

    @Override
    public <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie,
                       Function<SslNegotiationPolicy, R> sslNegotiation, Function<ProxyProtocolPolicy, R> proxyProtocol,
                       Function<PublicKeyPolicy, R> publicKey, Function<BackendAuthenticationPolicy, R> backendAuthentication) {
        return sslNegotiation.apply(this);
    }

    /**
     * A reference travels as {@code Reference-Security-Policy} alone (AWS fills in its protocols
     * and ciphers); the explicit form as one {@code true} attribute per protocol and cipher, and
     * {@code Server-Defined-Cipher-Order} always, so what AWS reports back compares equal.
     */
    @Override
    public List<PolicyAttribute> wireAttributes() {
        if (reference != null) {
            return List.of(new PolicyAttribute(REFERENCE_ATTRIBUTE, reference));
        }
        List<PolicyAttribute> attributes = new ArrayList<>();
        protocols.forEach(p -> attributes.add(new PolicyAttribute(PROTOCOL_PREFIX + p, "true")));
        attributes.add(new PolicyAttribute(SERVER_ORDER_ATTRIBUTE, Boolean.toString(serverOrderPreference)));
        ciphers.forEach(c -> attributes.add(new PolicyAttribute(c, "true")));
        return List.copyOf(attributes);
    }

    /**
     * AWS reports a policy made from a reference with that reference and every protocol and
     * cipher it expands to (user guide, ssl-config-update): the reference is what was chosen, so
     * it wins. Otherwise the {@code true} attributes are the choice; {@code false} ones are not.
     */
    static SslNegotiationPolicy fromWire(String name, List<PolicyAttribute> attributes) {
        for (PolicyAttribute attribute : attributes) {
            if (attribute.name().equals(REFERENCE_ATTRIBUTE) && !attribute.value().isBlank()) {
                return ofReference(name, attribute.value());
            }
        }
        List<String> protocols = new ArrayList<>();
        List<String> ciphers = new ArrayList<>();
        boolean serverOrder = false;
        for (PolicyAttribute attribute : attributes) {
            boolean on = attribute.value().equalsIgnoreCase("true");
            if (attribute.name().equals(SERVER_ORDER_ATTRIBUTE)) {
                serverOrder = on;
            } else if (on && attribute.name().startsWith(PROTOCOL_PREFIX)) {
                protocols.add(attribute.name().substring(PROTOCOL_PREFIX.length()));
            } else if (on && !attribute.name().equals(REFERENCE_ATTRIBUTE)) {
                ciphers.add(attribute.name());
            }
        }
        return new SslNegotiationPolicy(name, null, protocols, ciphers, serverOrder);
    }
}
