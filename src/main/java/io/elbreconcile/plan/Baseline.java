package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code plan --baseline}: attributes every differing property of a plan to this change, to drift,
 * or to both, by comparing it with what the target branch's configuration would have planned
 * against the same observed state. Pure: no call beyond the plan's own observation.
 */
public final class Baseline {

    private final Planner planner = new Planner();

    public Plan attribute(Plan plan, DesiredState current, DesiredState targetBranch, ObservedState observed) {
        Map<Address, Change> base = new HashMap<>();
        Plan basePlan = planner.plan(comparable(targetBranch, current, observed), observed, plan.options(), plan.target());
        basePlan.changes().forEach(change -> base.put(change.address(), change));
        List<Change> attributed = plan.changes().stream().map(change -> attribute(change, base.get(change.address()))).toList();
        return new Plan(plan.formatVersion(), plan.target(), plan.inputDigest(), plan.options(), attributed, plan.steps(),
                plan.notices(), plan.fingerprints());
    }

    /** What the target branch wants for each property: its planned "after", nothing when it does not declare the address. */
    private static Change attribute(Change change, Change onTargetBranch) {
        SortedMap<String, Object> wanted = onTargetBranch == null ? new TreeMap<>() : onTargetBranch.after();
        SortedMap<String, Cause> causes = new TreeMap<>();
        for (String key : change.changedKeys()) {
            causes.put(key, Cause.of(change.before().get(key), change.after().get(key), wanted.get(key)));
        }
        return change.withCauses(causes);
    }

    /**
     * Only what the observation covered: the target branch may name load balancers this plan did
     * not read (and attach-mode ones must exist to be planned), and they differ from nothing here.
     */
    private static DesiredState comparable(DesiredState targetBranch, DesiredState current, ObservedState observed) {
        SortedMap<String, DesiredLoadBalancer> managed = new TreeMap<>();
        targetBranch.loadBalancers().forEach((name, lb) -> {
            if (current.loadBalancers().containsKey(name) || observed.loadBalancers().containsKey(name)) {
                managed.put(name, lb);
            }
        });
        List<PolicyAttachment> attachments = targetBranch.attachments().stream()
                .filter(a -> observed.loadBalancers().containsKey(a.loadBalancer())).toList();
        return new DesiredState(managed, attachments, targetBranch.origins());
    }
}
