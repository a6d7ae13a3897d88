package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating, deleting and describing policies (reference 6.2). Enabling them is {@link PolicyEnabling}. */
public final class PolicyActions {

    private PolicyActions() {
    }

    /** A missing period is stored as no attribute at all: absent and 0 both mean a session cookie (fact 7). */
    public static World createLbCookie(World world, String loadBalancer, String policyName, Long expirationPeriod) {
        if (expirationPeriod != null && expirationPeriod < 0) {
            throw EngineError.VALIDATION.exception("CookieExpirationPeriod must not be negative, got " + expirationPeriod);
        }
        List<PolicyAttribute> attributes = expirationPeriod == null ? List.of()
                : List.of(new PolicyAttribute("CookieExpirationPeriod", Long.toString(expirationPeriod)));
        return add(world, loadBalancer, new PolicyState(policyName, PolicyState.LB_COOKIE_TYPE, attributes));
    }

    public static World createAppCookie(World world, String loadBalancer, String policyName, String cookieName) {
        if (cookieName.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("CookieName");
        }
        return add(world, loadBalancer, new PolicyState(policyName, PolicyState.APP_COOKIE_TYPE,
                List.of(new PolicyAttribute("CookieName", cookieName))));
    }

    public static World create(World world, String loadBalancer, String policyName, String typeName,
                               List<PolicyAttribute> attributes) {
        Names.checkPolicyName(policyName);
        world.require(loadBalancer);
        PolicyTypes.PolicyType type = PolicyTypes.find(typeName)
                .orElseThrow(() -> EngineError.POLICY_TYPE_NOT_FOUND.exception(typeName));
        checkAttributes(type, attributes);
        checkPublicKeysExist(world.require(loadBalancer), typeName, attributes);
        return add(world, loadBalancer, new PolicyState(policyName, typeName, expandReference(typeName, attributes)));
    }

    /**
     * AWS describes an SSL negotiation policy made from a Reference-Security-Policy with every
     * protocol and cipher of that predefined policy as well as the reference (user guide,
     * ssl-config-update: describe-load-balancer-policies after create-load-balancer-policy with a
     * reference). A name that is no predefined policy is refused.
     */
    private static List<PolicyAttribute> expandReference(String typeName, List<PolicyAttribute> attributes) {
        if (!typeName.equals(PolicyTypes.SSL_NEGOTIATION)) {
            return attributes;
        }
        Optional<String> reference = attributes.stream()
                .filter(a -> a.name().equals(PolicyTypes.REFERENCE_SECURITY_POLICY)).map(PolicyAttribute::value).findFirst();
        if (reference.isEmpty()) {
            return attributes;
        }
        PolicyState predefined = PredefinedSslPolicies.find(reference.get()).orElseThrow(() ->
                EngineError.INVALID_POLICY_ATTRIBUTES.exception("Reference-Security-Policy " + reference.get()
                        + " is not a predefined security policy"));
        Map<String, PolicyAttribute> byName = new LinkedHashMap<>();
        // Reference-Security-Policy leads, as in AWS's output (user guide, ssl-config-update).
        byName.put(PolicyTypes.REFERENCE_SECURITY_POLICY, new PolicyAttribute(PolicyTypes.REFERENCE_SECURITY_POLICY, reference.get()));
        predefined.attributes().forEach(a -> byName.put(a.name(), a));
        attributes.forEach(a -> byName.put(a.name(), a));
        return List.copyOf(byName.values());
    }

    /**
     * A back-end authentication policy "contains one or more policies, such as an instance of a
     * PublicKeyPolicyType" (the type's description): each PublicKeyPolicyName must name a public
     * key policy of the same load balancer, else the policy could never authenticate anything.
     * CreateLoadBalancerPolicy documents InvalidConfigurationRequest (409) as its error for an
     * invalid configuration, so that is the answer.
     */
    private static void checkPublicKeysExist(LoadBalancerState lb, String typeName, List<PolicyAttribute> attributes) {
        if (!typeName.equals(PolicyTypes.BACKEND_AUTHENTICATION)) {
            return;
        }
        for (PolicyAttribute attribute : attributes) {
            if (!attribute.name().equals(PolicyTypes.PUBLIC_KEY_POLICY_NAME)) {
                continue;
            }
            boolean isKey = lb.policy(attribute.value()).map(p -> p.typeName().equals(PolicyTypes.PUBLIC_KEY)).orElse(false);
            if (!isKey) {
                throw EngineError.INVALID_POLICY_ATTRIBUTES.exception("PublicKeyPolicyName " + attribute.value()
                        + " is not a PublicKeyPolicyType policy of load balancer " + lb.name());
            }
        }
    }

    /**
     * The attributes against the type's description (reference 6.2): each known to the type, each
     * required one given, none given more often than its cardinality allows. An SSL negotiation
     * policy's names are its type's too: every protocol and cipher AWS supports, old ones such as
     * RC4-SHA included, so a name outside them (a typo, an OpenSSL cipher string) is refused.
     */
    private static void checkAttributes(PolicyTypes.PolicyType type, List<PolicyAttribute> attributes) {
        Map<String, Integer> counts = new HashMap<>();
        for (PolicyAttribute attribute : attributes) {
            boolean known = type.attributes().stream().anyMatch(a -> a.name().equals(attribute.name()));
            if (!known) {
                throw EngineError.INVALID_POLICY_ATTRIBUTES.exception(type.name() + " has no attribute " + attribute.name());
            }
            counts.merge(attribute.name(), 1, Integer::sum);
            checkValue(type, attribute);
        }
        for (PolicyTypes.AttributeType declared : type.attributes()) {
            int given = counts.getOrDefault(declared.name(), 0);
            boolean required = declared.cardinality().startsWith("ONE");
            boolean single = !declared.cardinality().endsWith("MORE");
            if (required && given == 0) {
                throw EngineError.INVALID_POLICY_ATTRIBUTES.exception(type.name() + " requires the attribute " + declared.name());
            }
            if (single && given > 1) {
                throw EngineError.INVALID_POLICY_ATTRIBUTES.exception(type.name() + " takes the attribute " + declared.name() + " once");
            }
        }
    }

    /**
     * A value must be of its attribute's type as DescribeLoadBalancerPolicyTypes gives it (reference
     * 6.2): a Boolean is true or false, a Long a whole number. Every SSL negotiation attribute but
     * Reference-Security-Policy is a Boolean, ciphers beyond our catalogue too (AWS CLI reference,
     * describe-load-balancer-policy-types). AWS documents InvalidConfigurationRequest (409) as
     * CreateLoadBalancerPolicy's error for an invalid configuration; its exact wording for a bad
     * value is not documented, so the message names the attribute, the value and the type.
     */
    private static void checkValue(PolicyTypes.PolicyType type, PolicyAttribute attribute) {
        String declared = type.attributes().stream().filter(a -> a.name().equals(attribute.name()))
                .map(PolicyTypes.AttributeType::type).findFirst()
                .orElse(type.name().equals(PolicyTypes.SSL_NEGOTIATION) ? "Boolean" : "String");
        String value = attribute.value() == null ? "" : attribute.value();
        boolean valid = switch (declared) {
            case "Boolean" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case "Long" -> value.matches("-?\\d{1,18}");
            default -> true;
        };
        if (!valid) {
            throw EngineError.INVALID_POLICY_ATTRIBUTES.exception("Invalid value for attribute " + attribute.name() + " of "
                    + type.name() + ": '" + value + "' is not a " + declared);
        }
    }

    /**
     * Refused with 409 while the policy is enabled on a listener or back-end port, or referred to
     * by an enabled policy (fact 4). Deleting an unknown name is undocumented (reference 8); we
     * treat it as already done, like DeleteLoadBalancer.
     */
    public static World delete(World world, String loadBalancer, String policyName) {
        LoadBalancerState lb = world.require(loadBalancer);
        if (lb.policy(policyName).isEmpty()) {
            return world;
        }
        if (PolicyEnabling.enabledOrReferred(lb, policyName)) {
            throw EngineError.POLICY_IN_USE.exception(policyName);
        }
        return world.with(lb.withPolicies(lb.policies().stream().filter(p -> !p.name().equals(policyName)).toList()));
    }

    /**
     * With a load balancer: its policies, or the named ones (each must exist). Without: the
     * predefined sample policies, or the named ones among them.
     */
    public static List<PolicyState> describe(World world, String loadBalancer, List<String> policyNames) {
        if (loadBalancer == null) {
            if (policyNames.isEmpty()) {
                return PredefinedSslPolicies.all();
            }
            List<PolicyState> out = new ArrayList<>();
            for (String name : new LinkedHashSet<>(policyNames)) {
                out.add(PredefinedSslPolicies.find(name)
                        .orElseThrow(() -> EngineError.SAMPLE_POLICY_NOT_FOUND.exception(name)));
            }
            return out;
        }
        LoadBalancerState lb = world.require(loadBalancer);
        if (policyNames.isEmpty()) {
            return lb.policies();
        }
        List<PolicyState> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(policyNames)) {
            out.add(lb.requirePolicy(name));
        }
        return out;
    }

    /** Names are unique per load balancer across all types; identical parameters do not help (fact 5). */
    private static World add(World world, String loadBalancer, PolicyState policy) {
        Names.checkPolicyName(policy.name());
        LoadBalancerState lb = world.require(loadBalancer);
        if (lb.policy(policy.name()).isPresent()) {
            throw EngineError.DUPLICATE_POLICY_NAME.exception(policy.name());
        }
        if (lb.policies().size() >= Limits.POLICIES) {
            throw EngineError.TOO_MANY_POLICIES.exception(Limits.POLICIES, lb.name());
        }
        List<PolicyState> next = new ArrayList<>(lb.policies());
        next.add(policy);
        return world.with(lb.withPolicies(next));
    }
}
