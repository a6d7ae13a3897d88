package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.ResourceKind;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.plan.operation.SetListenerPolicies;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code --target}: narrows a plan to the addresses named and what they need. Load balancers no
 * pattern can cover are left out before planning (never compared, never read twice, never
 * changed); within the others, a step stays when its address is covered or a kept step depends on
 * it, and a change stays when its address is covered or one of its steps stayed. A kept step that
 * creates or enables a temporary policy of a zero-gap replacement brings that policy's deletion,
 * and so the whole replacement (every list swapped back): a targeted apply never leaves a
 * temporary policy, or another list still on one, behind. The lists it pulls in are named.
 */
public final class TargetScope {

    /** Starts the notice that says a plan is partial. */
    public static final String PARTIAL = "partial plan: ";

    private final List<AddressPattern> targets;

    public TargetScope(List<AddressPattern> targets) {
        this.targets = List.copyOf(targets);
    }

    public boolean mayCover(String loadBalancer) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.mayCover(loadBalancer));
    }

    public boolean covers(Address address) {
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.covers(address));
    }

    /** The desired state restricted to the load balancers a target may cover (Settings kept). */
    public DesiredState restrict(DesiredState desired) {
        if (targets.isEmpty()) {
            return desired;
        }
        var loadBalancers = new TreeMap<>(desired.loadBalancers());
        loadBalancers.keySet().removeIf(name -> !mayCover(name));
        var attachments = desired.attachments().stream().filter(a -> mayCover(a.loadBalancer())).toList();
        var origins = new TreeMap<>(desired.origins());
        origins.keySet().removeIf(address -> !mayCover(address.loadBalancer()));
        return new DesiredState(loadBalancers, attachments, origins, desired.settings());
    }

    public ObservedState restrict(ObservedState observed) {
        if (targets.isEmpty()) {
            return observed;
        }
        var loadBalancers = new TreeMap<>(observed.loadBalancers());
        loadBalancers.keySet().removeIf(name -> !mayCover(name));
        return new ObservedState(loadBalancers, observed.awsSslPolicies());
    }

    /** What stays of a plan's parts. */
    record Kept(List<Change> changes, List<Step> steps, List<String> notices, Set<String> loadBalancers) {
    }

    /**
     * The steps a step needs. Tags wait for every other step of their load balancer only so that
     * they come last (PRODUCT.md section 5); of those they need only the load balancer's creation.
     */
    private static List<String> needs(Step step, Map<String, Step> byId) {
        if (step.address().kind() != ResourceKind.TAGS) {
            return List.copyOf(step.dependsOn());
        }
        return step.dependsOn().stream().filter(id -> byId.get(id).operation() instanceof CreateLoadBalancer).toList();
    }

    /** The temporary policies a step creates or puts on a list. */
    private static List<String> temporariesOf(Operation operation) {
        List<String> names = List.of();
        if (operation instanceof CreatePolicy create) {
            names = List.of(create.policyName());
        } else if (operation instanceof CreateLbCookiePolicy create) {
            names = List.of(create.policyName());
        } else if (operation instanceof CreateAppCookiePolicy create) {
            names = List.of(create.policyName());
        } else if (operation instanceof SetListenerPolicies set) {
            names = set.policyNames();
        } else if (operation instanceof SetBackendServerPolicies set) {
            names = set.policyNames();
        }
        return names.stream().filter(name -> TemporaryPolicies.originalOf(name).isPresent()).toList();
    }

    Kept prune(List<Change> changes, List<Step> steps, List<String> notices) {
        Map<String, Step> byId = new HashMap<>();
        steps.forEach(step -> byId.put(step.id(), step));
        Map<String, List<String>> temporaryDeletions = new HashMap<>();
        steps.stream().filter(step -> step.operation() instanceof DeletePolicy delete
                        && TemporaryPolicies.originalOf(delete.policyName()).isPresent())
                .forEach(step -> temporaryDeletions.computeIfAbsent(((DeletePolicy) step.operation()).policyName(),
                        k -> new java.util.ArrayList<>()).add(step.id()));
        Set<String> keptIds = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>();
        steps.stream().filter(step -> covers(step.address())).forEach(step -> work.add(step.id()));
        // A covered change without steps of its own is carried by its load balancer's steps: a
        // listener or tags of a load balancer still to be created come with CreateLoadBalancer.
        Set<Address> withSteps = steps.stream().map(Step::address).collect(Collectors.toSet());
        Set<Address> carriers = changes.stream()
                .filter(change -> change.action() != Action.NOOP && covers(change.address()) && !withSteps.contains(change.address()))
                .map(change -> Address.loadBalancer(change.address().loadBalancer())).collect(Collectors.toSet());
        steps.stream().filter(step -> carriers.contains(step.address())).forEach(step -> work.add(step.id()));
        while (!work.isEmpty()) {
            String id = work.pop();
            if (keptIds.add(id)) {
                work.addAll(needs(byId.get(id), byId));
                temporariesOf(byId.get(id).operation())
                        .forEach(name -> work.addAll(temporaryDeletions.getOrDefault(name, List.of())));
            }
        }
        // Ordering-only edges to steps left out are dropped with them.
        List<Step> keptSteps = steps.stream().filter(step -> keptIds.contains(step.id()))
                .map(step -> new Step(step.id(), step.address(), step.operation(),
                        step.dependsOn().stream().filter(keptIds::contains).collect(Collectors.toCollection(TreeSet::new))))
                .toList();
        Set<Address> stepAddresses = keptSteps.stream().map(Step::address).collect(Collectors.toSet());
        // What a kept CreateLoadBalancer creates along with the load balancer is shown too.
        Set<String> created = changes.stream().filter(change -> change.address().kind() == ResourceKind.LOAD_BALANCER
                        && (change.action() == Action.CREATE || change.action() == Action.REPLACE)
                        && stepAddresses.contains(change.address()))
                .map(change -> change.address().loadBalancer()).collect(Collectors.toSet());
        List<Change> keptChanges = changes.stream()
                .filter(change -> covers(change.address()) || stepAddresses.contains(change.address())
                        || (created.contains(change.address().loadBalancer()) && !withSteps.contains(change.address())
                        && change.action() == Action.CREATE))
                .toList();
        Set<String> loadBalancers = new TreeSet<>();
        keptChanges.forEach(change -> loadBalancers.add(change.address().loadBalancer()));
        keptSteps.forEach(step -> loadBalancers.add(step.address().loadBalancer()));
        List<String> keptNotices = new java.util.ArrayList<>(notices.stream()
                .filter(notice -> keptChanges.stream().anyMatch(change -> notice.contains(change.address() + " ")))
                .toList());
        keptSteps.stream().map(Step::address).filter(address -> !covers(address)
                        && (address.kind() == ResourceKind.LISTENER_POLICIES || address.kind() == ResourceKind.BACKEND_SERVER_POLICIES))
                .distinct().sorted().forEach(address -> keptNotices.add(address + " pulled in though not targeted: it shares a"
                        + " policy that a targeted change replaces or deletes, so its list changes too"));
        keptNotices.add(PARTIAL + "only --target " + targets.stream().map(AddressPattern::toString)
                .collect(Collectors.joining(", ")) + " and what they need; nothing else was compared or will be changed");
        return new Kept(keptChanges, keptSteps, keptNotices.stream().sorted().toList(), loadBalancers);
    }
}
