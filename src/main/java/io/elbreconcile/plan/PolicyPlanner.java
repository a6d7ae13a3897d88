package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.Operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Plans the managed policies of one load balancer and the policy lists of its listeners and
 * instance ports; shared by managed load balancers and attach mode, which differ only in how the
 * desired lists are made.
 *
 * <p>The ordering rules it encodes: a policy is created before any list that names it; a policy is
 * detached (by a list step or by deleting its listener) before it is deleted; a policy whose
 * attributes changed is replaced so that every listener using it keeps stickiness (zero gap);
 * unattached policies are deleted before new ones are created, so the quota is freed first.
 */
final class PolicyPlanner {

    private final PlanBuilder plan;
    private final PlanOptions options;
    private final String lb;
    private final ObservedLoadBalancer observed;
    private final String loadBalancerReady;

    /** Policy name → steps that remove it from a listener (list steps, listener deletions). */
    private final Map<String, List<String>> detachers = new HashMap<>();
    /** Policy name → the step that creates it. */
    private final Map<String, String> creators = new HashMap<>();
    /** List → the interim step that moves the listener or instance port off policies being replaced. */
    private final Map<Address, String> swapSteps = new HashMap<>();
    /** List → the interim list that step sets; the final step starts from it. */
    private final Map<Address, List<String>> interimLists = new HashMap<>();
    /** Lists whose final value is set even when it equals the current one (the swap back). */
    private final Set<Address> forcedFinal = new HashSet<>();
    /** List → the step that sets its final value. */
    private final Map<Address, String> finalListSteps = new HashMap<>();
    /** Which created and deleted policies name which: the order between them. */
    private final PolicyReferences references = new PolicyReferences();
    /** Listener creations and deletions: an instance port's list waits for them (its protocol may change). */
    private final List<String> listenerSteps = new ArrayList<>();
    /** Old policy name → the step deleting it as part of a replacement. */
    private final Map<String, String> replacedDeletes = new HashMap<>();
    /** Temporary policy name → its deletion, which waits for every swap back. */
    private final Map<String, String> temporaryDeletes = new HashMap<>();
    /** Leftover temporary policies reused by a replacement: deleted by it, not as unwanted. */
    private final Set<String> reusedTemporaries = new HashSet<>();

    PolicyPlanner(PlanBuilder plan, PlanOptions options, String lb, ObservedLoadBalancer observed,
                  String loadBalancerReady) {
        this.plan = plan;
        this.options = options;
        this.lb = lb;
        this.observed = observed;
        this.loadBalancerReady = loadBalancerReady;
    }

    /** Steps creating or deleting listeners, which may change the instance protocol a back-end policy needs. */
    void backendListsWaitFor(List<String> stepIds) {
        stepIds.stream().filter(java.util.Objects::nonNull).forEach(listenerSteps::add);
    }

    /** A structural step (deleting a listener) that detaches policies as a side effect. */
    void detachedBy(String stepId, List<String> policyNames) {
        policyNames.forEach(name -> detachers.computeIfAbsent(name, k -> new ArrayList<>()).add(stepId));
    }

    /**
     * @param wanted policies that must exist with exactly these settings
     * @param unwanted observed cookie policies to delete, by name, with the reason shown
     * @param lists every listener whose list this plan controls
     */
    void plan(List<ManagedPolicy> wanted, SortedMap<String, String> unwanted, List<ListenerPolicyPlan> lists) {
        Map<String, ManagedPolicy> replacedOld = new TreeMap<>();
        List<ManagedPolicy> replacements = new ArrayList<>();
        Set<String> changed = PolicyReferences.changed(wanted, observed);
        List<ManagedPolicy> all = new ArrayList<>(wanted);
        for (ManagedPolicy kept : PolicyReferences.keptReferrers(observed, wanted, changed, lists)) {
            all.add(kept);
            changed.add(kept.name());
        }
        for (ManagedPolicy policy : all) {
            Optional<ManagedPolicy> existing = observed == null ? Optional.empty() : observed.policy(policy.name());
            Address address = Address.policy(lb, policy);
            if (existing.isEmpty()) {
                creators.put(policy.name(), creation(address, policy, null, Arrays.asList(loadBalancerReady)));
                plan.change(Change.of(address, Action.CREATE, Properties.none(), Properties.policy(policy)));
            } else if (!changed.contains(policy.name())) {
                plan.change(Change.of(address, Action.NOOP, Properties.policy(policy), Properties.policy(policy)));
            } else {
                replacedOld.put(policy.name(), existing.get());
                replacements.add(policy);
            }
        }
        if (!replacements.isEmpty()) {
            replace(replacedOld, replacements, lists);
        }
        lists.forEach(this::planList);
        replacedDeletes.forEach((name, delete) ->
                detachers.getOrDefault(name, List.of()).forEach(detacher -> plan.dependOn(delete, detacher)));
        temporaryDeletes.forEach((temporary, delete) -> {
            forcedFinal.forEach(port -> plan.dependOn(delete, finalListSteps.get(port)));
            detachers.getOrDefault(temporary, List.of()).forEach(detacher -> plan.dependOn(delete, detacher));
        });
        List<String> unattachedDeletes = new ArrayList<>();
        Set<String> namedByDeleted = new HashSet<>();
        unwanted.keySet().forEach(name -> observed.policy(name).ifPresent(p -> namedByDeleted.addAll(p.referencedPolicies())));
        replacedOld.values().forEach(p -> namedByDeleted.addAll(p.referencedPolicies()));
        unwanted.forEach((name, reason) -> {
            if (reusedTemporaries.contains(name)) {
                return;
            }
            String delete = deleteUnwanted(name, reason);
            // A key an authentication policy names goes after that policy: not before the creations.
            if (!detachers.containsKey(name) && !namedByDeleted.contains(name)) {
                unattachedDeletes.add(delete);
            }
        });
        creators.values().forEach(creator -> unattachedDeletes.forEach(delete -> plan.dependOn(creator, delete)));
        references.order(plan, creators);
    }

    private String creation(Address address, ManagedPolicy policy, String note, List<String> deps) {
        String id = note == null ? plan.step(address, create(policy), deps) : plan.step(address, create(policy), note, deps);
        references.created(id, policy);
        return id;
    }

    private String deletion(Address address, ManagedPolicy policy, String note, List<String> deps) {
        DeletePolicy delete = new DeletePolicy(lb, policy.name());
        String id = note == null ? plan.step(address, delete, deps) : plan.step(address, delete, note, deps);
        references.deleted(id, policy);
        return id;
    }

    private void planList(ListenerPolicyPlan list) {
        Address address = list.address(lb);
        boolean differs = !list.current().equals(list.desired());
        boolean changes = differs || forcedFinal.contains(address);
        List<String> reasons = new ArrayList<>();
        if (list.reason() != null && changes) {
            reasons.add(list.reason());
        }
        if (!differs && changes) {
            reasons.add("set again to swap back to the re-created policy");
        }
        Action action = !changes ? Action.NOOP : list.listenerExistsNow() ? Action.UPDATE : Action.CREATE;
        plan.change(new Change(address, action,
                list.listenerExistsNow() ? Properties.policyNames(list.observed()) : Properties.none(),
                Properties.policyNames(list.desired()), reasons));
        if (!changes) {
            return;
        }
        List<String> deps = new ArrayList<>(Arrays.asList(loadBalancerReady, list.readyStep(), swapSteps.get(address)));
        list.desired().forEach(name -> deps.add(creators.get(name)));
        if (list.backend()) {
            deps.addAll(listenerSteps);
        }
        String id = plan.step(address, list.set(lb, list.desired()), deps);
        finalListSteps.put(address, id);
        interimLists.getOrDefault(address, list.current()).stream().filter(name -> !list.desired().contains(name))
                .forEach(name -> detachers.computeIfAbsent(name, k -> new ArrayList<>()).add(id));
    }

    /**
     * Policies whose settings changed. Every existing listener that uses one of them first moves to
     * an interim list in one call: its desired list with each replaced policy standing in as a
     * temporary copy with the new settings (zero gap), or its current list without them (direct).
     * Then the originals are deleted and re-created, the final lists swap back, and the temporary
     * copies go. Interim lists wait only for creations that wait for nothing, so even two policies
     * that trade listeners while both change cannot deadlock.
     */
    private void replace(Map<String, ManagedPolicy> replacedOld, List<ManagedPolicy> replacements,
                         List<ListenerPolicyPlan> lists) {
        List<ListenerPolicyPlan> users = lists.stream()
                .filter(l -> l.listenerExistsNow() && l.current().stream().anyMatch(replacedOld::containsKey))
                .toList();
        boolean zeroGap = options.replaceStrategy() == ReplaceStrategy.ZERO_GAP;
        Map<String, String> temporaries = new TreeMap<>();
        // Named policies first, so a temporary authentication policy names the temporary keys.
        List<ManagedPolicy> namedFirst = new ArrayList<>(replacements);
        namedFirst.sort(java.util.Comparator.comparing(p -> !p.referencedPolicies().isEmpty()));
        Set<String> needTemporary = PolicyReferences.needTemporary(replacements, replacedOld, users, zeroGap);
        for (ManagedPolicy wanted : namedFirst) {
            if (!needTemporary.contains(wanted.name())) {
                continue;
            }
            ManagedPolicy copy = wanted.withReferencesRenamed(name -> temporaries.getOrDefault(name, name));
            String temporary = TemporaryPolicies.choose(copy, observed);
            temporaries.put(wanted.name(), temporary);
            ManagedPolicy temporaryPolicy = copy.renamed(temporary);
            if (observed.policy(temporary).isPresent()) {
                reusedTemporaries.add(temporary);
            } else {
                creators.put(temporary, creation(Address.policy(lb, wanted), temporaryPolicy, "temporary",
                        Arrays.asList(loadBalancerReady)));
            }
            temporaryDeletes.put(temporary, deletion(Address.policy(lb, wanted), temporaryPolicy, "temporary",
                    Arrays.asList(loadBalancerReady)));
        }
        Map<String, List<String>> interimRemovers = new HashMap<>();
        for (ListenerPolicyPlan user : users) {
            List<String> interim = zeroGap
                    ? user.desired().stream().map(name -> temporaries.getOrDefault(name, name)).toList()
                    : user.current().stream().map(name -> temporaries.getOrDefault(name, name))
                            .filter(name -> !replacedOld.containsKey(name)).toList();
            List<String> deps = new ArrayList<>(Arrays.asList(loadBalancerReady));
            interim.forEach(name -> deps.add(creators.get(name)));
            if (user.backend()) {
                deps.addAll(listenerSteps);
            }
            String swap = plan.step(user.address(lb), user.set(lb, interim), zeroGap ? "to-temporary" : "detach", deps);
            swapSteps.put(user.address(lb), swap);
            interimLists.put(user.address(lb), interim);
            forcedFinal.add(user.address(lb));
            user.current().stream().filter(replacedOld::containsKey)
                    .forEach(name -> interimRemovers.computeIfAbsent(name, k -> new ArrayList<>()).add(swap));
            // Whatever else the interim list drops (an orphan next to the replaced policy) is detached
            // by this swap, so its deletion must wait for it.
            user.current().stream().filter(name -> !interim.contains(name) && !replacedOld.containsKey(name))
                    .forEach(name -> detachers.computeIfAbsent(name, k -> new ArrayList<>()).add(swap));
        }
        for (ManagedPolicy wanted : replacements) {
            ManagedPolicy old = replacedOld.get(wanted.name());
            Address address = Address.policy(lb, wanted);
            List<String> deps = new ArrayList<>(Arrays.asList(loadBalancerReady));
            deps.addAll(interimRemovers.getOrDefault(old.name(), List.of()));
            String delete = deletion(address, old, null, deps);
            replacedDeletes.put(old.name(), delete);
            creators.put(wanted.name(), creation(address, wanted, null, List.of(delete)));
            plan.change(new Change(address, Action.REPLACE, Properties.policy(old), Properties.policy(wanted),
                    replacementReasons(old, wanted, users, zeroGap, temporaries.get(wanted.name()))));
        }
    }

    private static List<String> replacementReasons(ManagedPolicy old, ManagedPolicy wanted,
                                                   List<ListenerPolicyPlan> users, boolean zeroGap, String temporary) {
        List<String> reasons = new ArrayList<>();
        reasons.add(old.kind() != wanted.kind()
                ? "type changes from " + old.kind().awsTypeName() + " to " + wanted.kind().awsTypeName()
                : old.equals(wanted) ? "names public key policies " + wanted.referencedPolicies() + ", of which one is"
                        + " replaced: AWS refuses to delete a key that an enabled policy names, so this one is replaced too"
                : "AWS policies are immutable: changed settings mean delete and re-create");
        List<ListenerPolicyPlan> using = users.stream().filter(u -> u.current().contains(old.name())).toList();
        String where = where(using);
        if (using.isEmpty() && temporary != null) {
            reasons.add("zero gap: the temporary copies of the policies naming it name " + temporary + " meanwhile");
        } else if (using.isEmpty()) {
            reasons.add("enabled on no listener or instance port: replaced directly");
        } else if (!zeroGap && temporary == null) {
            reasons.add("--replace-strategy=direct: no stickiness on " + where + " while it is replaced");
        } else if (temporary != null) {
            reasons.add("zero gap: " + where + " use temporary policy " + temporary + " meanwhile");
        } else {
            reasons.add("zero gap: " + where + " move to their new lists before it is replaced");
        }
        return reasons;
    }

    /** E.g. {@code listeners [80, 443]}, {@code instance ports [8443]}, or both joined by "and". */
    private static String where(List<ListenerPolicyPlan> lists) {
        List<String> parts = new ArrayList<>();
        List<Integer> listeners = lists.stream().filter(l -> !l.backend()).map(ListenerPolicyPlan::port).toList();
        List<Integer> instancePorts = lists.stream().filter(ListenerPolicyPlan::backend).map(ListenerPolicyPlan::port).toList();
        if (!listeners.isEmpty()) {
            parts.add("listeners " + listeners);
        }
        if (!instancePorts.isEmpty()) {
            parts.add("instance ports " + instancePorts);
        }
        return String.join(" and ", parts);
    }

    private String deleteUnwanted(String name, String reason) {
        ManagedPolicy policy = observed.policy(name).orElseThrow();
        Address address = Address.policy(lb, policy);
        List<String> deps = new ArrayList<>(detachers.getOrDefault(name, List.of()));
        deps.add(loadBalancerReady);
        String delete = deletion(address, policy, null, deps);
        plan.change(Change.of(address, Action.DELETE, Properties.policy(policy), Properties.none(), reason));
        return delete;
    }

    private Operation create(ManagedPolicy policy) {
        return policy.match(
                lbCookie -> new CreateLbCookiePolicy(lb, lbCookie.name(), lbCookie.cookieExpirationPeriod()),
                app -> new CreateAppCookiePolicy(lb, app.name(), app.cookieName()),
                ssl -> generic(ssl), proxy -> generic(proxy), key -> generic(key), auth -> generic(auth));
    }

    /** CreateLoadBalancerPolicy from the policy's type and attributes. */
    private CreatePolicy generic(ManagedPolicy policy) {
        return new CreatePolicy(lb, policy.name(), policy.kind().awsTypeName(), policy.wireAttributes());
    }

    static SortedMap<String, String> noUnwanted() {
        return new TreeMap<>();
    }
}
