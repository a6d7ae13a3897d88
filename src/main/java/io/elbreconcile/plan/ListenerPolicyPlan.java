package io.elbreconcile.plan;

import io.elbreconcile.model.Address;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.plan.operation.SetListenerPolicies;

import java.util.List;

/**
 * One policy list as it is now and as it must end, computed before any step is planned: a
 * listener's, or (with {@code backend}) an instance port's. Both replace the whole list in one
 * call, so the planner treats them alike.
 *
 * @param port the load balancer port, or the instance port of a back-end list
 * @param current the list once structural steps ran (for a new or re-created listener, what AWS enables on creation)
 * @param observed the list AWS reports now (empty when the listener does not exist yet)
 * @param readyStep the step that creates the listener, or null when it already exists
 * @param listenerExistsNow whether AWS has this listener (for a back-end list: this load balancer) now
 */
record ListenerPolicyPlan(int port, List<String> current, List<String> observed, List<String> desired,
                          String readyStep, boolean listenerExistsNow, String reason, boolean backend) {

    ListenerPolicyPlan {
        current = List.copyOf(current);
        observed = List.copyOf(observed);
        desired = List.copyOf(desired);
    }

    /** A listener's list. */
    ListenerPolicyPlan(int port, List<String> current, List<String> observed, List<String> desired,
                       String readyStep, boolean listenerExistsNow, String reason) {
        this(port, current, observed, desired, readyStep, listenerExistsNow, reason, false);
    }

    Address address(String lb) {
        return backend ? Address.backendServerPolicies(lb, port) : Address.listenerPolicies(lb, port);
    }

    /** The one call that sets this list to {@code names}. */
    Operation set(String lb, List<String> names) {
        return backend ? new SetBackendServerPolicies(lb, port, names) : new SetListenerPolicies(lb, port, names);
    }
}
