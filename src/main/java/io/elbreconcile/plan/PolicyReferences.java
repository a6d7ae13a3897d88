package io.elbreconcile.plan;

import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policies that name other policies (a back-end authentication policy names public key policies)
 * and what follows for a plan: a policy is created after those it names and deleted before them;
 * a replaced key takes the policies naming it along; a temporary copy names temporary copies.
 */
final class PolicyReferences {

    /** Step creating a policy → the policies it names, which must exist first. */
    private final Map<String, List<String>> createdReferences = new HashMap<>();
    /** Step deleting a policy → the policies it names, which must outlive it. */
    private final Map<String, List<String>> deletedReferences = new HashMap<>();
    /** Policy name → every step deleting a policy of that name. */
    private final Map<String, List<String>> deleters = new HashMap<>();

    void created(String stepId, ManagedPolicy policy) {
        createdReferences.put(stepId, policy.referencedPolicies());
    }

    void deleted(String stepId, ManagedPolicy policy) {
        deletedReferences.put(stepId, policy.referencedPolicies());
        deleters.computeIfAbsent(policy.name(), k -> new ArrayList<>()).add(stepId);
    }

    /** The edges: each creation after the creations of what it names, each deletion before theirs. */
    void order(PlanBuilder plan, Map<String, String> creators) {
        createdReferences.forEach((create, names) -> names.stream().map(creators::get)
                .filter(creator -> creator != null && !creator.equals(create)).forEach(creator -> plan.dependOn(create, creator)));
        deletedReferences.forEach((delete, names) -> names.forEach(name ->
                deleters.getOrDefault(name, List.of()).forEach(named -> plan.dependOn(named, delete))));
    }

    /**
     * Declared policies that must be replaced: those whose settings differ from AWS's, and those
     * naming one of them (an authentication policy whose public key policy is replaced: AWS refuses
     * to delete a key that an enabled policy names, so the policy naming it goes and comes back too).
     */
    static Set<String> changed(List<ManagedPolicy> wanted, ObservedLoadBalancer observed) {
        Set<String> changed = new HashSet<>();
        if (observed == null) {
            return changed;
        }
        for (ManagedPolicy policy : wanted) {
            if (observed.policy(policy.name()).map(existing -> !existing.equals(policy)).orElse(false)) {
                changed.add(policy.name());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ManagedPolicy policy : wanted) {
                if (observed.policy(policy.name()).isPresent() && !changed.contains(policy.name())
                        && policy.referencedPolicies().stream().anyMatch(changed::contains)) {
                    grew |= changed.add(policy.name());
                }
            }
        }
        return changed;
    }

    /**
     * Undeclared policies a list keeps as they are (an authentication policy on a load balancer that
     * declares no backendServers) that name a replaced declared key: AWS refuses to delete the key
     * while they name it, so they are replaced too, with the settings AWS reports.
     */
    static List<ManagedPolicy> keptReferrers(ObservedLoadBalancer observed, List<ManagedPolicy> wanted, Set<String> changed,
                                              List<ListenerPolicyPlan> lists) {
        if (observed == null || changed.isEmpty()) {
            return List.of();
        }
        Set<String> declared = new HashSet<>();
        wanted.forEach(p -> declared.add(p.name()));
        return observed.policies().stream()
                .filter(p -> !declared.contains(p.name()) && p.referencedPolicies().stream().anyMatch(changed::contains))
                .filter(p -> lists.stream().anyMatch(l -> l.desired().contains(p.name())))
                .toList();
    }

    /**
     * Replaced policies that need a temporary copy: those a listener or instance port keeps using
     * (with zero gap, or always for kinds that must never lapse), and the replaced policies such a
     * copy names (a temporary authentication policy needs the new key under a temporary name).
     */
    static Set<String> needTemporary(List<ManagedPolicy> replacements, Map<String, ManagedPolicy> replacedOld,
                                             List<ListenerPolicyPlan> users, boolean zeroGap) {
        Set<String> needed = new HashSet<>();
        for (ManagedPolicy wanted : replacements) {
            if ((zeroGap || wanted.kind().neverLapses()) && users.stream().anyMatch(u -> u.desired().contains(wanted.name()))) {
                needed.add(wanted.name());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ManagedPolicy wanted : replacements) {
                if (needed.contains(wanted.name())) {
                    for (String named : wanted.referencedPolicies()) {
                        grew |= replacedOld.containsKey(named) && needed.add(named);
                    }
                }
            }
        }
        return needed;
    }
}
