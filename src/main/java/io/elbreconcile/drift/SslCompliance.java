package io.elbreconcile.drift;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.plan.TargetScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The live HTTPS and SSL listeners whose security policy {@code Settings.allowedSslPolicies} does
 * not allow, whatever Git declares for them: what an audit asks is what runs. Judged on the load
 * balancers this input is responsible for: the declared ones and, with {@code --stack}, the
 * unmanaged ones of the stack; a load balancer this input only attaches a cookie policy to belongs
 * to another stack, whose own drift judges it.
 */
final class SslCompliance {

    private SslCompliance() {
    }

    static List<Difference> noncompliant(DesiredState desired, ObservedState observed, Optional<String> stack, TargetScope scope) {
        Settings settings = desired.settings();
        if (!settings.restrictsSslPolicies()) {
            return List.of();
        }
        List<Difference> found = new ArrayList<>();
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            boolean ours = desired.loadBalancers().containsKey(lb.name())
                    || stack.isPresent() && stack.get().equals(lb.tags().get(ReservedTags.STACK));
            if (!ours) {
                continue;
            }
            for (Listener listener : lb.listeners()) {
                Address address = Address.listener(lb.name(), listener.loadBalancerPort());
                if (!isSecure(listener.protocol()) || !scope.covers(address)) {
                    continue;
                }
                Optional<String> policyName = sslPolicyName(lb, listener);
                Optional<String> securityPolicy = policyName.map(name -> securityPolicy(lb, name));
                if (settings.allowsSslPolicy(securityPolicy)) {
                    continue;
                }
                SortedMap<String, Object> live = new TreeMap<>();
                policyName.ifPresent(name -> live.put("sslPolicy", name));
                securityPolicy.ifPresent(p -> live.put("securityPolicy", p));
                String detail = securityPolicy.map(p -> "allowedSslPolicies [" + settings.allowedSslPoliciesText()
                                + "] does not allow " + p)
                        .orElse("AWS reports no SSL negotiation policy on this listener; allowedSslPolicies ["
                                + settings.allowedSslPoliciesText() + "] is in force");
                found.add(new Difference(DriftKind.NONCOMPLIANT, address, live, new TreeMap<>(), detail,
                        desired.fileAndLineOf(address)));
            }
        }
        return found;
    }

    /**
     * The listener's SSL negotiation policy: one this tool can read (typed), or one named by AWS
     * (its predefined {@code ELBSecurityPolicy-*} policies, which the load balancer carries under
     * their own names). A listener carries one; the first is taken if AWS ever reports more.
     */
    private static Optional<String> sslPolicyName(ObservedLoadBalancer lb, Listener listener) {
        return listener.policyNames().stream()
                .filter(name -> lb.policy(name).map(p -> p instanceof SslNegotiationPolicy).orElse(false)
                        || SecurityPolicies.isAwsName(name) && lb.otherPolicies().contains(name))
                .findFirst();
    }

    /** What a policy amounts to: its reference, {@code custom}, or for AWS's own policies their name. */
    private static String securityPolicy(ObservedLoadBalancer lb, String policyName) {
        return lb.policy(policyName).filter(SslNegotiationPolicy.class::isInstance).map(SslNegotiationPolicy.class::cast)
                .map(SecurityPolicies::securityPolicyOf).orElse(policyName);
    }

    private static boolean isSecure(Protocol protocol) {
        return protocol == Protocol.HTTPS || protocol == Protocol.SSL;
    }
}
