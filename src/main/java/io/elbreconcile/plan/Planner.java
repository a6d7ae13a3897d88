package io.elbreconcile.plan;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Diagnostics;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.IgnoreFilter;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pure heart of the product: (desired, observed) → Plan. No I/O, no clock; the same inputs
 * give the same plan, byte for byte once encoded.
 */
public final class Planner {

    /**
     * @throws InvalidInputException when the desired state cannot be planned against what exists
     *         (an attach-mode policy whose load balancer does not exist, a missing listener port...)
     */
    public Plan plan(DesiredState fullDesired, ObservedState fullObserved, PlanOptions options, Target target) {
        TargetScope scope = new TargetScope(options.targets());
        DesiredState desired = scope.restrict(fullDesired);
        ObservedState observed = scope.restrict(fullObserved);
        PlanBuilder builder = new PlanBuilder();
        AttachmentPlanner attachments = new AttachmentPlanner(builder, options, desired);
        Map<String, List<PolicyAttachment>> attachmentsByLb = new java.util.TreeMap<>(desired.attachmentsByLoadBalancer());
        // This stack's attachments whose documents are gone are removed like ensure: absent ones.
        for (PolicyAttachment gone : AttachOwnership.abandoned(desired, observed, options.stack())) {
            List<PolicyAttachment> list = new ArrayList<>(attachmentsByLb.getOrDefault(gone.loadBalancer(), List.of()));
            list.add(gone);
            attachmentsByLb.put(gone.loadBalancer(), List.copyOf(list));
        }
        AttachOwnership ownership = new AttachOwnership(builder, options.stack());

        List<Diagnostic> problems = new ArrayList<>();
        attachmentsByLb.forEach((lb, list) ->
                problems.addAll(attachments.check(lb, list, observed.loadBalancers().get(lb), target.endpoint())));
        for (DesiredLoadBalancer lb : desired.loadBalancers().values()) {
            if (lb.listeners().isEmpty() && !observed.loadBalancers().containsKey(lb.name())) {
                problems.add(Diagnostic.at(desired.originOf(Address.loadBalancer(lb.name()))
                                .orElse(io.elbreconcile.diag.SourceLocation.startOf(lb.name())),
                        "load balancer '" + lb.name() + "' does not exist and declares no listener; AWS creates a load balancer"
                                + " only with at least one"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Diagnostics.of(problems));
        }

        LoadBalancerPlanner loadBalancers = new LoadBalancerPlanner(builder, options);
        for (DesiredLoadBalancer lb : desired.loadBalancers().values()) {
            // What other writers own is hidden from both sides, so it is neither planned nor drift.
            IgnoreFilter.Filtered filtered = IgnoreFilter.apply(lb, observed.loadBalancers().get(lb.name()), desired.settings());
            loadBalancers.plan(filtered.desired(), filtered.observed());
        }
        attachmentsByLb.forEach((lb, list) -> {
            ObservedLoadBalancer existing = observed.loadBalancers().get(lb);
            if (existing != null) {
                attachments.plan(lb, list, existing);
                ownership.planTags(lb, list, existing);
            }
        });
        TreeSet<String> dependedOn = new TreeSet<>(desired.loadBalancers().keySet());
        dependedOn.addAll(attachmentsByLb.keySet());
        dependedOn.addAll(planUndeclared(desired, observed, options, builder));

        List<Change> changes = withSources(builder.changes(), desired);
        if (options.partial()) {
            TargetScope.Kept kept = scope.prune(changes, builder.steps(), builder.notices());
            dependedOn.retainAll(kept.loadBalancers());
            return new Plan(Plan.FORMAT_VERSION, target, inputDigest(fullDesired), options, kept.changes(),
                    kept.steps(), kept.notices(), Fingerprints.of(observed.loadBalancers(), dependedOn));
        }
        return new Plan(Plan.FORMAT_VERSION, target, inputDigest(fullDesired), options, changes,
                builder.steps(), builder.notices(), Fingerprints.of(observed.loadBalancers(), dependedOn));
    }

    /** Load balancers carrying this stack's tag but declared nowhere: deleted only when allowed. */
    private static List<String> planUndeclared(DesiredState desired, ObservedState observed, PlanOptions options,
                                               PlanBuilder builder) {
        List<String> owned = new ArrayList<>();
        if (options.stack().isEmpty()) {
            return owned;
        }
        String stack = options.stack().get();
        for (ObservedLoadBalancer lb : observed.loadBalancers().values()) {
            boolean ours = stack.equals(lb.tags().get(ReservedTags.STACK));
            if (!ours || desired.loadBalancers().containsKey(lb.name())) {
                continue;
            }
            owned.add(lb.name());
            Address address = Address.loadBalancer(lb.name());
            String why = "undeclared, tagged " + ReservedTags.STACK + "=" + stack;
            boolean protectedLb = lb.isProtected();
            boolean attached = desired.attachmentsByLoadBalancer().containsKey(lb.name());
            Change deletion = Change.of(address, Action.DELETE, Properties.loadBalancer(lb.scheme(),
                    lb.availabilityZones(), lb.subnets(), lb.securityGroups()), Properties.none(), why);
            if (protectedLb || attached || !options.allowDelete()) {
                builder.change(deletion.heldBack(protectedLb
                        ? new HeldBack("it is protected (tag " + PlanOptions.PROTECT_TAG + ")",
                                "removing the tag " + PlanOptions.PROTECT_TAG + " from it by hand")
                        : attached ? new HeldBack("attach-mode policies still name it",
                                "removing the attach-mode policies that name it")
                        : new HeldBack("deletions are not allowed in this run", HeldBack.ALLOW_DELETE)));
                continue;
            }
            builder.step(address, new DeleteLoadBalancer(lb.name()), List.of());
            builder.change(deletion);
        }
        return owned;
    }

    /**
     * Each change names the document that declares it: its own address when the loader recorded
     * one, else its load balancer's document (an orphan policy on a managed load balancer).
     */
    private static List<Change> withSources(List<Change> changes, DesiredState desired) {
        return changes.stream().map(change -> desired.originOf(change.address())
                        .or(() -> desired.originOf(Address.loadBalancer(change.address().loadBalancer())))
                        .map(at -> change.withSource(at.file() + ":" + at.line()))
                        .orElse(change))
                .toList();
    }

    /** A digest of the desired state itself (where things were declared does not count). */
    static String inputDigest(DesiredState desired) {
        return InputDigest.of(desired);
    }
}
