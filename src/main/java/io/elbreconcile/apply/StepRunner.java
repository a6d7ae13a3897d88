package io.elbreconcile.apply;

import io.elbreconcile.aws.CallTally;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.plan.Step;
import io.elbreconcile.plan.operation.Operation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs one step and turns the API's answer into an outcome, following PRODUCT.md section 6:
 * DuplicatePolicyName is re-observed and adopted when identical; TooManyPolicies names the count
 * and the policies enabled nowhere; everything else fails the step with AWS's own message.
 */
final class StepRunner {

    private final ElbPort port;
    private final LongSupplier nanoTime;

    StepRunner(ElbPort port, LongSupplier nanoTime) {
        this.port = port;
        this.nanoTime = nanoTime;
    }

    StepOutcome run(Step step) {
        long start = nanoTime.getAsLong();
        CallTally before = port.tallyOnThisThread();
        try {
            port.write(step.operation());
            return new StepOutcome.Applied(step, since(start), port.tallyOnThisThread().since(before));
        } catch (PortError error) {
            return onError(step, error, start, before);
        } catch (RuntimeException unexpected) {
            return new StepOutcome.Failed(step, since(start), "InternalError",
                    unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage(), false, port.tallyOnThisThread().since(before));
        }
    }

    /** The step's calls; a failure's request id is the one AWS gave with the error. */
    private CallTally calls(CallTally before, PortError error) {
        CallTally calls = port.tallyOnThisThread().since(before);
        return error != null && error.requestId() != null ? new CallTally(calls.attempts(), error.requestId()) : calls;
    }

    private StepOutcome onError(Step step, PortError error, long start, CallTally before) {
        Operation operation = step.operation();
        if (error.kind() == ErrorKind.DUPLICATE_POLICY_NAME) {
            Optional<ManagedPolicy> wanted = operation.createdPolicy();
            if (wanted.isPresent()) {
                return adoptOrExplain(step, wanted.get(), error, start, before);
            }
        }
        if (error.kind() == ErrorKind.TOO_MANY_POLICIES) {
            return new StepOutcome.Failed(step, since(start), error.code(), tooManyPolicies(operation.loadBalancer(), error), false,
                    calls(before, error));
        }
        return new StepOutcome.Failed(step, since(start), error.code(), error.oneLine(), error.kind() == ErrorKind.REJECTED,
                calls(before, error));
    }

    /** Someone (or a crashed earlier run) created the policy already: look again before failing. */
    private StepOutcome adoptOrExplain(Step step, ManagedPolicy wanted, PortError error, long start, CallTally before) {
        ObservedLoadBalancer lb;
        try {
            lb = port.describeLoadBalancers(List.of(step.operation().loadBalancer())).get(0);
        } catch (PortError again) {
            return new StepOutcome.Failed(step, since(start), error.code(), error.oneLine()
                    + " (and looking at the existing policy failed: " + again.oneLine() + ")", false, calls(before, error));
        }
        if (lb.policy(wanted.name()).isEmpty() && lb.otherPolicies().contains(wanted.name())) {
            try {
                lb = lb.withDescribedPolicies(port.describePolicies(lb.name()));
            } catch (PortError again) {
                return new StepOutcome.Failed(step, since(start), error.code(), error.oneLine()
                        + " (and looking at the existing policy failed: " + again.oneLine() + ")", false, calls(before, error));
            }
        }
        Optional<ManagedPolicy> existing = lb.policy(wanted.name());
        if (existing.isPresent() && existing.get().equals(wanted)) {
            return new StepOutcome.Adopted(step, since(start), "an identical policy already existed", calls(before, null));
        }
        String found = existing.map(p -> p.kind().awsTypeName() + " with " + p.describeSettings())
                .orElse("a policy of another type");
        return new StepOutcome.Failed(step, since(start), error.code(), "policy " + wanted.name() + " already exists on "
                + lb.name() + " as " + found + "; the plan wants " + wanted.kind().awsTypeName() + " with "
                + wanted.describeSettings() + ". Run plan again: it will replace it", false, calls(before, error));
    }

    private String tooManyPolicies(String loadBalancer, PortError error) {
        try {
            ObservedLoadBalancer lb = port.describeLoadBalancers(List.of(loadBalancer)).get(0);
            List<String> enabledNowhere = lb.policies().stream().map(ManagedPolicy::name)
                    .filter(name -> lb.listeners().stream().map(Listener::policyNames).noneMatch(l -> l.contains(name)))
                    .toList();
            return "TooManyPolicies: " + loadBalancer + " has " + lb.allPolicyNames().size()
                    + " policies, the most AWS allows it; cookie policies enabled on no listener: "
                    + (enabledNowhere.isEmpty() ? "none" : String.join(", ", enabledNowhere))
                    + ". Remove unused policies (on a managed load balancer, an undeclared policy is deleted by apply)";
        } catch (PortError again) {
            return error.oneLine();
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
