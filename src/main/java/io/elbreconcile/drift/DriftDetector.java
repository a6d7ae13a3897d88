package io.elbreconcile.drift;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.IgnoreFilter;
import io.elbreconcile.model.IgnoredDifference;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.ResourceKind;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Action;
import io.elbreconcile.plan.Change;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.plan.ReplaceStrategy;
import io.elbreconcile.plan.TargetScope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Classifies the differences between Git and reality. It reads the planner's changes rather than
 * diffing again, so drift and plan can never disagree about what AWS considers equal: a
 * difference is reported exactly when {@code plan} would act on it (or hold back from acting).
 */
public final class DriftDetector {

    private static final String ATTACH_TAG = ReservedTags.ATTACH_PREFIX;

    private final Planner planner = new Planner();
    private final Clock clock;

    public DriftDetector(Clock clock) {
        this.clock = clock;
    }

    public DriftReport detect(DesiredState desired, ObservedState observed, Optional<String> stack, Target target) {
        return detect(desired, observed, stack, List.of(), target);
    }

    /**
     * The load balancers whose policies drift must have described before {@link #detect} (under
     * an allow list of SSL policies, a policy carrying an AWS name is checked, not trusted): read
     * them with {@code Observer.withAwsSslPolicies}. Empty without an allow list.
     */
    public static Set<String> awsSslPoliciesToDescribe(DesiredState desired, ObservedState observed, Optional<String> stack,
                                                       List<AddressPattern> targets) {
        return SslCompliance.toDescribe(desired, observed, stack, new TargetScope(targets));
    }

    /** @param targets {@code --target}: only what these cover is compared (all when empty) */
    public DriftReport detect(DesiredState desired, ObservedState observed, Optional<String> stack,
                              List<AddressPattern> targets, Target target) {
        // Without allowDelete the planner holds deletions and replacements back instead of planning
        // them: an unmanaged load balancer still shows (as a held-back deletion), and a load balancer
        // that would need replacing is compared part by part, not reported missing as a whole.
        Plan plan = planner.plan(desired, observed, new PlanOptions(stack, false, ReplaceStrategy.ZERO_GAP, targets), target);
        Set<String> missingLoadBalancers = new HashSet<>();
        Set<Address> missing = new HashSet<>();
        Set<String> missingPolicies = new HashSet<>();
        for (Change change : plan.changes()) {
            if (change.action() != Action.CREATE) {
                continue;
            }
            Address address = change.address();
            missing.add(address);
            if (address.kind() == ResourceKind.LOAD_BALANCER) {
                missingLoadBalancers.add(address.loadBalancer());
            } else if (address.kind().isPolicy()) {
                missingPolicies.add(address.loadBalancer() + "/" + address.name());
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (Change change : plan.changes()) {
            Address address = change.address();
            boolean insideMissing = missingLoadBalancers.contains(address.loadBalancer())
                    && address.kind() != ResourceKind.LOAD_BALANCER;
            if (insideMissing) {
                continue; // one line for a missing load balancer, not one per part of it
            }
            if (address.kind() == ResourceKind.LISTENER_POLICIES
                    && missing.contains(Address.listener(address.loadBalancer(), Integer.parseInt(address.name())))) {
                continue; // a missing listener has no policy list: one line for the listener
            }
            if (address.kind() == ResourceKind.TAGS && change.action() != Action.NOOP && change.changedKeys().stream()
                    .allMatch(key -> key.startsWith(ATTACH_TAG) && missingPolicies.contains(address.loadBalancer() + "/"
                            + key.substring(ATTACH_TAG.length())))) {
                continue; // the ownership tag of a missing attach-mode policy: one line for the policy
            }
            boolean policyList = address.kind() == ResourceKind.LISTENER_POLICIES
                    || address.kind() == ResourceKind.BACKEND_SERVER_POLICIES;
            // A listener keeps policies of kinds Git does not declare there (its SSL policy); an instance port the
            // plan changes has a written backendServers, which is the whole list: every name on it counts.
            Predicate<Object> counted = address.kind() == ResourceKind.BACKEND_SERVER_POLICIES
                    ? name -> true : declaredPolicies(desired, address.loadBalancer())::contains;
            Optional<DriftKind> kind = policyList && change.action() != Action.NOOP
                    ? classifyListenerPolicies(change, name -> missingPolicies.contains(address.loadBalancer() + "/" + name), counted)
                    : classify(change);
            // What plan would need to act (--allow-delete) is no part of what drifted: it is typed apart, not in the reasons.
            String detail = String.join("; ", change.reasons());
            // Git declares neither an orphan nor an unmanaged load balancer: no file to point at.
            kind.ifPresent(k -> differences.add(new Difference(k, address, change.before(), change.after(), detail,
                    k == DriftKind.ORPHAN || k == DriftKind.UNMANAGED ? Optional.empty() : change.source())));
        }
        TargetScope scope = new TargetScope(targets);
        differences.addAll(SslCompliance.noncompliant(desired, observed, stack, scope));
        List<IgnoredDifference> ignored = ignored(scope.restrict(desired), observed).stream()
                .filter(difference -> scope.covers(difference.address())).toList();
        return new DriftReport(target, clock.instant(), differences, plan.changes().size(), ignored);
    }

    /** What the planner's ignore filter hid, found by running the same filter (drift counts it). */
    private static List<IgnoredDifference> ignored(DesiredState desired, ObservedState observed) {
        List<IgnoredDifference> ignored = new ArrayList<>();
        for (DesiredLoadBalancer lb : desired.loadBalancers().values()) {
            ignored.addAll(IgnoreFilter.apply(lb, observed.loadBalancers().get(lb.name()), desired.settings()).ignored());
        }
        return ignored;
    }

    private static Optional<DriftKind> classify(Change change) {
        Action action = change.action();
        boolean heldBack = change.isHeldBack();
        if (action == Action.NOOP && !heldBack) {
            return Optional.empty();
        }
        if (change.before().equals(change.after()) && !heldBack) {
            // Set again only as a consequence of another change (a zero-gap swap back): not drift itself.
            return Optional.empty();
        }
        ResourceKind kind = change.address().kind();
        return Optional.of(switch (kind) {
            case LOAD_BALANCER -> action == Action.CREATE ? DriftKind.MISSING
                    : action == Action.DELETE ? DriftKind.UNMANAGED : DriftKind.CHANGED;
            case LB_COOKIE_POLICY, APP_COOKIE_POLICY, SSL_NEGOTIATION_POLICY, PROXY_PROTOCOL_POLICY, PUBLIC_KEY_POLICY,
                    BACKEND_AUTHENTICATION_POLICY -> action == Action.CREATE ? DriftKind.MISSING
                    : action == Action.DELETE && change.reasons().stream().noneMatch(r -> r.startsWith("ensure: absent"))
                    ? DriftKind.ORPHAN : DriftKind.CHANGED;
            case LISTENER_POLICIES, BACKEND_SERVER_POLICIES -> isDetached(change) ? DriftKind.DETACHED : DriftKind.CHANGED;
            case LISTENER -> action == Action.CREATE ? DriftKind.MISSING : DriftKind.CHANGED;
            case HEALTH_CHECK, ATTRIBUTES, TAGS -> DriftKind.CHANGED;
        });
    }

    /**
     * A listener's or instance port's policy list: detached when a declared policy that exists is not on it; changed
     * when it differs otherwise; nothing when it lacks only policies that are missing altogether
     * (each has its own "missing" line, and a policy that does not exist cannot be attached).
     */
    private static Optional<DriftKind> classifyListenerPolicies(Change change, Predicate<Object> isMissingPolicy,
                                                                Predicate<Object> isDeclared) {
        Optional<DriftKind> plain = classify(change);
        if (plain.isEmpty()) {
            return plain;
        }
        // Policies of other kinds (SSL negotiation...) follow the listener; only declared ones can drift here.
        List<?> before = listOrEmpty(change.before().get("policyNames")).stream().filter(isDeclared).toList();
        List<?> after = listOrEmpty(change.after().get("policyNames")).stream().filter(isDeclared).toList();
        if (after.stream().anyMatch(name -> !before.contains(name) && !isMissingPolicy.test(name))) {
            return Optional.of(DriftKind.DETACHED);
        }
        List<?> afterWithoutMissing = after.stream().filter(name -> !isMissingPolicy.test(name)).toList();
        return afterWithoutMissing.equals(before) ? Optional.empty() : Optional.of(DriftKind.CHANGED);
    }

    /** The policies the YAML declares for a load balancer, managed or in attach mode. */
    private static Set<String> declaredPolicies(DesiredState desired, String loadBalancer) {
        Set<String> names = new HashSet<>();
        DesiredLoadBalancer managed = desired.loadBalancers().get(loadBalancer);
        if (managed != null) {
            managed.policies().forEach(p -> names.add(p.name()));
        }
        desired.attachments().stream().filter(a -> a.loadBalancer().equals(loadBalancer)).forEach(a -> names.add(a.policy().name()));
        return names;
    }

    /** A declared policy is absent from the list AWS reports for the listener. */
    private static boolean isDetached(Change change) {
        List<?> before = listOrEmpty(change.before().get("policyNames"));
        List<?> after = listOrEmpty(change.after().get("policyNames"));
        return after.stream().anyMatch(name -> !before.contains(name));
    }

    private static List<?> listOrEmpty(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
