package io.elbreconcile.plan;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.StickinessPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Attach mode: policies for a load balancer someone else owns. Only these policies (and their
 * temporary names) are touched; every other policy on a listener keeps its place.
 */
final class AttachmentPlanner {

    private final PlanBuilder plan;
    private final PlanOptions options;
    private final DesiredState desired;

    AttachmentPlanner(PlanBuilder plan, PlanOptions options, DesiredState desired) {
        this.plan = plan;
        this.options = options;
        this.desired = desired;
    }

    /** Problems that make a plan impossible, found before anything is planned. */
    List<Diagnostic> check(String lb, List<PolicyAttachment> attachments, ObservedLoadBalancer observed, String target) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<Integer, String> claimedPorts = new HashMap<>();
        for (PolicyAttachment attachment : attachments) {
            StickinessPolicy policy = attachment.policy();
            SourceLocation where = origin(lb, policy);
            if (observed == null && !attachment.present()) {
                continue; // ensure: absent, and the whole load balancer is gone: nothing to do
            }
            if (observed == null) {
                problems.add(Diagnostic.at(where, "load balancer '" + lb + "' named by policy '" + policy.name()
                        + "' is neither declared in a LoadBalancer document nor existing on " + target,
                        "declare it with kind: LoadBalancer, or fix spec.loadBalancer"));
                continue;
            }
            if (observed.otherPolicies().contains(policy.name())) {
                problems.add(Diagnostic.at(where, "policy name '" + policy.name() + "' is already used on '" + lb
                        + "' by a policy of another type; policy names are unique per load balancer"));
            }
            if (!attachment.present()) {
                continue;
            }
            String tagKey = AttachOwnership.tagKey(policy.name());
            if (tagKey.length() > AttachOwnership.MAX_TAG_KEY) {
                problems.add(Diagnostic.at(where, "policy name '" + policy.name() + "' is too long for attach mode: its ownership tag "
                        + AttachOwnership.TAG_PREFIX + "<policy> may have at most " + AttachOwnership.MAX_TAG_KEY + " characters"));
            }
            Optional<String> attachedBy = AttachOwnership.attachingStack(observed, policy.name());
            String ourStack = options.stack().orElse("");
            if (attachedBy.isPresent() && !attachedBy.get().equals(ourStack)) {
                problems.add(Diagnostic.at(where, "policy '" + policy.name() + "' on '" + lb + "' was attached by "
                        + (attachedBy.get().isEmpty() ? "a run without --stack" : "stack '" + attachedBy.get() + "'")
                        + " (tag " + tagKey + "); two stacks cannot own one policy",
                        ourStack.isEmpty() ? "pass the --stack that attached it" : "rename the policy"));
            }
            for (int port : attachment.listenerPorts()) {
                Optional<Listener> listener = observed.listener(port);
                if (listener.isEmpty()) {
                    problems.add(Diagnostic.at(where, "listener port " + port + " does not exist on '" + lb
                            + "' (it has " + observed.listeners().stream().map(Listener::loadBalancerPort).toList() + ")"));
                    continue;
                }
                if (!listener.get().protocol().supportsCookieStickiness()) {
                    problems.add(Diagnostic.at(where, "listener " + port + " of '" + lb + "' is "
                            + listener.get().protocol() + ": cookie stickiness works only on HTTP and HTTPS listeners"));
                }
                String previous = claimedPorts.putIfAbsent(port, policy.name());
                if (previous != null) {
                    problems.add(Diagnostic.at(where, "listener " + port + " of '" + lb + "' would get two stickiness policies: '"
                            + previous + "' and '" + policy.name() + "'"));
                }
                for (String name : listener.get().policyNames()) {
                    boolean ours = attachments.stream().anyMatch(a -> a.policy().name().equals(name)
                            || TemporaryPolicies.isTemporaryFor(name, a.policy().name()));
                    if (!ours && observed.policy(name).filter(p -> p instanceof StickinessPolicy).isPresent()) {
                        problems.add(Diagnostic.at(where, "listener " + port + " of '" + lb + "' already has stickiness policy '"
                                + name + "', which this repository does not own; a listener takes one stickiness policy"));
                    }
                }
            }
        }
        return problems;
    }

    void plan(String lb, List<PolicyAttachment> attachments, ObservedLoadBalancer observed) {
        Set<String> ours = new LinkedHashSet<>();
        attachments.forEach(a -> ours.add(a.policy().name()));
        List<ListenerPolicyPlan> lists = new ArrayList<>();
        for (Listener listener : observed.listeners()) {
            List<String> merged = merge(listener, attachments);
            boolean involved = !merged.equals(listener.policyNames())
                    || listener.policyNames().stream().anyMatch(name -> owned(name, ours));
            if (involved) {
                lists.add(new ListenerPolicyPlan(listener.loadBalancerPort(), listener.policyNames(),
                        listener.policyNames(), merged, null, true, null));
            }
        }
        List<ManagedPolicy> wanted = attachments.stream().filter(PolicyAttachment::present)
                .<ManagedPolicy>map(PolicyAttachment::policy).toList();
        SortedMap<String, String> unwanted = new TreeMap<>();
        for (PolicyAttachment attachment : attachments) {
            String name = attachment.policy().name();
            if (!attachment.present()) {
                if (observed.policy(name).isPresent()) {
                    unwanted.put(name, "ensure: absent");
                } else {
                    Address address = Address.policy(lb, attachment.policy());
                    plan.change(Change.of(address, Action.NOOP, Properties.none(), Properties.none(), "ensure: absent, and absent"));
                }
            }
        }
        for (ManagedPolicy existing : observed.policies()) {
            Optional<String> original = TemporaryPolicies.originalOf(existing.name());
            if (original.isPresent() && ours.contains(original.get())) {
                unwanted.put(existing.name(), "leftover temporary policy of an interrupted replacement");
            }
        }
        new PolicyPlanner(plan, options, lb, observed, null).plan(wanted, unwanted, lists);
    }

    /**
     * The listener's list with our policies where the attachments want them: kept in place when
     * already there, appended otherwise, removed (with any temporary names) from other listeners.
     */
    private static List<String> merge(Listener listener, List<PolicyAttachment> attachments) {
        int port = listener.loadBalancerPort();
        List<String> merged = new ArrayList<>();
        Set<String> wantedHere = new LinkedHashSet<>();
        attachments.stream().filter(a -> a.present() && a.listenerPorts().contains(port))
                .forEach(a -> wantedHere.add(a.policy().name()));
        Set<String> names = new LinkedHashSet<>();
        attachments.forEach(a -> names.add(a.policy().name()));
        for (String name : listener.policyNames()) {
            if (!owned(name, names)) {
                merged.add(name);
            } else if (wantedHere.contains(name) && !merged.contains(name)) {
                merged.add(name);
            }
        }
        wantedHere.stream().filter(name -> !merged.contains(name)).forEach(merged::add);
        return merged;
    }

    private static boolean owned(String name, Set<String> ours) {
        return ours.contains(name) || TemporaryPolicies.originalOf(name).map(ours::contains).orElse(false);
    }

    private SourceLocation origin(String lb, StickinessPolicy policy) {
        return desired.originOf(Address.policy(lb, policy)).orElse(SourceLocation.startOf("<desired state>"));
    }
}
