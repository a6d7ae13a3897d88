package io.elbreconcile.reconcile;

import io.elbreconcile.drift.DriftDetector;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.AddressPattern;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.plan.TargetScope;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Observe, then classify every difference: what drift does once the input is loaded. Reads only. */
public final class DriftCheck {

    private final Clock clock;

    public DriftCheck(Clock clock) {
        this.clock = clock;
    }

    /** @param addresses when not empty, only these addresses are read and compared */
    public DriftReport detect(OpenTarget target, DesiredState desired, Optional<String> stack, List<AddressPattern> addresses) {
        ObservedState observed = Observation.observe(target.port(), new TargetScope(addresses).restrict(desired), stack);
        Set<String> toDescribe = DriftDetector.awsSslPoliciesToDescribe(desired, observed, stack, addresses);
        if (!toDescribe.isEmpty()) {
            observed = new Observer(target.port()).withAwsSslPolicies(observed, toDescribe);
        }
        return new DriftDetector(clock).detect(desired, observed, stack, addresses, target.target());
    }
}
