package io.elbreconcile.drift;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PredefinedSecurityPolicies;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.SecurityPolicies;
import io.elbreconcile.model.Settings;
import io.elbreconcile.model.SslNegotiationPolicy;
import io.elbreconcile.plan.TargetScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

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
        List<Difference> found = new ArrayList<>();
        forEachJudgedListener(desired, observed, stack, scope, (lb, listener) -> {
            Address address = Address.listener(lb.name(), listener.loadBalancerPort());
            Optional<String> policyName = sslPolicyName(lb, listener);
            Optional<SslNegotiationPolicy> impostor = policyName.flatMap(name -> observed.awsSslPolicy(lb.name(), name))
                    .filter(described -> !PredefinedSecurityPolicies.isWhatItsNameSays(described));
            Optional<String> securityPolicy = impostor.map(SecurityPolicies::securityPolicyOf)
                    .or(() -> policyName.map(name -> securityPolicy(lb, name)));
            if (impostor.isEmpty() && settings.allowsSslPolicy(securityPolicy)) {
                return;
            }
            SortedMap<String, Object> live = new TreeMap<>();
            policyName.ifPresent(name -> live.put("sslPolicy", name));
            securityPolicy.ifPresent(p -> live.put("securityPolicy", p));
            String list = "allowedSslPolicies [" + settings.allowedSslPoliciesText() + "]";
            // A policy under a predefined policy's name that enables something else would pass an audit
            // that reads names: it is noncompliant whatever the list, as the name on it is not the truth.
            String detail = impostor.map(p -> p.name() + " carries the name of AWS's predefined policy but not its settings ("
                            + p.describeSettings() + "); " + list + " is in force")
                    .or(() -> securityPolicy.map(p -> list + " does not allow " + p))
                    .orElse("AWS reports no SSL negotiation policy on this listener; " + list + " is in force");
            found.add(new Difference(DriftKind.NONCOMPLIANT, address, live, new TreeMap<>(), detail,
                    desired.fileAndLineOf(address)));
        });
        return found;
    }

    /**
     * The load balancers whose policies must be described before {@link #noncompliant} can judge
     * them: those with a judged listener on a policy under an AWS name that no description covered
     * yet. None without an allow list.
     */
    static Set<String> toDescribe(DesiredState desired, ObservedState observed, Optional<String> stack, TargetScope scope) {
        Set<String> names = new TreeSet<>();
        forEachJudgedListener(desired, observed, stack, scope, (lb, listener) -> {
            boolean awsNamed = sslPolicyName(lb, listener).map(SecurityPolicies::isAwsName).orElse(false);
            if (awsNamed && !observed.awsSslPoliciesDescribed(lb.name())) {
                names.add(lb.name());
            }
        });
        return names;
    }

    /** The live HTTPS and SSL listeners an allow list judges (see the class comment), if one is in force. */
    private static void forEachJudgedListener(DesiredState desired, ObservedState observed, Optional<String> stack,
                                              TargetScope scope, BiConsumer<ObservedLoadBalancer, Listener> action) {
        if (!desired.settings().restrictsSslPolicies()) {
            return;
        }
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            boolean ours = desired.loadBalancers().containsKey(lb.name())
                    || stack.isPresent() && stack.get().equals(lb.tags().get(ReservedTags.STACK));
            if (!ours) {
                continue;
            }
            for (Listener listener : lb.listeners()) {
                if (isSecure(listener.protocol()) && scope.covers(Address.listener(lb.name(), listener.loadBalancerPort()))) {
                    action.accept(lb, listener);
                }
            }
        }
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
