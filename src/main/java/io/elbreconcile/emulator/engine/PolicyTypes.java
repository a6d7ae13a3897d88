package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy types ELB defines (reference 6.2); the predefined policies are in
 * {@link PredefinedSslPolicies}, whose attribute names the SSL negotiation type lists.
 */
public final class PolicyTypes {

    public static final String PROXY_PROTOCOL = "ProxyProtocolPolicyType";
    public static final String SSL_NEGOTIATION = "SSLNegotiationPolicyType";
    public static final String REFERENCE_SECURITY_POLICY = "Reference-Security-Policy";
    public static final String PUBLIC_KEY = "PublicKeyPolicyType";
    public static final String BACKEND_AUTHENTICATION = "BackendServerAuthenticationPolicyType";
    public static final String PUBLIC_KEY_POLICY_NAME = "PublicKeyPolicyName";

    /** One attribute a policy type accepts. {@code defaultValue} may be null. */
    public record AttributeType(String name, String type, String cardinality, String defaultValue, String description) {
    }

    /** One policy type. */
    public record PolicyType(String name, String description, List<AttributeType> attributes) {
        public PolicyType {
            attributes = List.copyOf(attributes);
        }
    }

    public static final List<PolicyType> ALL = List.of(
            new PolicyType(PolicyState.APP_COOKIE_TYPE,
                    "Stickiness policy with session lifetimes controlled by the lifetime of the application-generated cookie. "
                            + "This policy can be associated only with HTTP/HTTPS listeners.",
                    List.of(new AttributeType("CookieName", "String", "ONE", null, null))),
            new PolicyType(BACKEND_AUTHENTICATION,
                    "Policy that controls authentication to back-end server(s) and contains one or more policies, "
                            + "such as an instance of a PublicKeyPolicyType. This policy can be associated only with back-end "
                            + "servers that are using HTTPS/SSL.",
                    List.of(new AttributeType(PUBLIC_KEY_POLICY_NAME, "PolicyName", "ONE_OR_MORE", null, null))),
            new PolicyType(PolicyState.LB_COOKIE_TYPE,
                    "Stickiness policy with session lifetimes controlled by the browser (user-agent) or a specified "
                            + "expiration period. This policy can be associated only with HTTP/HTTPS listeners.",
                    List.of(new AttributeType("CookieExpirationPeriod", "Long", "ZERO_OR_ONE", null, null))),
            new PolicyType(PROXY_PROTOCOL,
                    "Policy that controls whether to include the IP address and port of the originating request for "
                            + "TCP messages. This policy operates on TCP/SSL listeners only",
                    List.of(new AttributeType("ProxyProtocol", "Boolean", "ONE", null, null))),
            new PolicyType(PUBLIC_KEY,
                    "Policy containing a list of public keys to accept when authenticating the back-end server(s). "
                            + "This policy cannot be applied directly to back-end servers or listeners but must be part "
                            + "of a BackendServerAuthenticationPolicyType.",
                    List.of(new AttributeType("PublicKey", "String", "ONE", null, null))),
            new PolicyType(SSL_NEGOTIATION,
                    "Listener policy that defines the ciphers and protocols that will be accepted by the load balancer. "
                            + "This policy can be associated only with HTTPS/SSL listeners.",
                    sslNegotiationAttributes()));


    private PolicyTypes() {
    }

    /**
     * What DescribeLoadBalancerPolicyTypes reports for SSLNegotiationPolicyType in AWS: each
     * protocol, Server-Defined-Cipher-Order and each cipher a Boolean, and Reference-Security-Policy
     * a String, all ZERO_OR_ONE (AWS CLI reference, describe-load-balancer-policy-types; the
     * reference's table elides them). The names are every protocol and cipher the user guide says
     * ELB supports (page elb-ssl-security-policy), as listed in predefined-ssl-policies.txt.
     */
    private static List<AttributeType> sslNegotiationAttributes() {
        List<AttributeType> attributes = new ArrayList<>();
        PredefinedSslPolicies.attributeNames().forEach(name -> attributes.add(new AttributeType(name, "Boolean", "ZERO_OR_ONE", null, null)));
        attributes.add(new AttributeType(REFERENCE_SECURITY_POLICY, "String", "ZERO_OR_ONE", null, null));
        return List.copyOf(attributes);
    }

    public static Optional<PolicyType> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** All types, or the named ones in the order given; an unknown name is {@code PolicyTypeNotFound}. */
    public static List<PolicyType> describe(List<String> names) {
        if (names.isEmpty()) {
            return ALL;
        }
        List<PolicyType> out = new ArrayList<>();
        for (String name : names) {
            out.add(find(name).orElseThrow(() -> EngineError.POLICY_TYPE_NOT_FOUND.exception(name)));
        }
        return out;
    }
}
