package io.elbreconcile.plan;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Diagnostics;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.plan.operation.CreatePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SSL 2.0 is a protocol AWS still reports on an old custom policy but refuses on a new one (its
 * SSLNegotiationPolicyType no longer lists Protocol-SSLv2). The language accepts it so that such a
 * policy imports and plans nothing; a plan that would create one, new, re-created or as the
 * temporary copy of a replacement, is refused here, before any write, instead of failing mid-apply.
 * Refused like bad input, not held back: no option or manual step could make AWS take it. Only a
 * plan to carry out is judged: drift plans to compare, and reports such a policy as missing.
 */
public final class NewSslV2Policies {

    static final String ATTRIBUTE = "Protocol-SSLv2";

    private NewSslV2Policies() {
    }

    /**
     * @throws InvalidInputException naming each declared policy (file:line:col) that a step of
     *         {@code plan} would create with SSLv2 enabled
     */
    public static void refuse(Plan plan, DesiredState desired, ObservedState observed) {
        List<Diagnostic> problems = problems(plan.steps(), desired, observed);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Diagnostics.of(problems));
        }
    }

    static List<Diagnostic> problems(List<Step> steps, DesiredState desired, ObservedState observed) {
        SortedSet<Address> creating = new TreeSet<>();
        for (Step step : steps) {
            if (step.operation() instanceof CreatePolicy create && create.attributes().stream()
                    .anyMatch(a -> a.name().equals(ATTRIBUTE) && a.value().equalsIgnoreCase("true"))) {
                creating.add(step.address());
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Address address : creating) {
            var lb = observed.loadBalancers().get(address.loadBalancer());
            boolean exists = lb != null && lb.policy(address.name()).isPresent();
            problems.add(Diagnostic.at(desired.originOf(address).orElse(SourceLocation.startOf(address.toString())),
                    "SSL negotiation policy '" + address.name() + "' enables SSLv2, which AWS refuses on a new policy, and this plan "
                            + (exists ? "must re-create it (its settings differ from the live one's)" : "must create it (it does not exist)"),
                    "remove SSLv2 from protocols; an existing policy that enables it may keep it only unchanged"));
        }
        return problems;
    }
}
