package io.elbreconcile.plan;

import java.util.List;

/**
 * One listener's policy list as it is now and as it must end, computed before any step is planned.
 *
 * @param current the list once structural steps ran (for a new or re-created listener, what AWS enables on creation)
 * @param observed the list AWS reports now (empty when the listener does not exist yet)
 * @param readyStep the step that creates the listener, or null when it already exists
 * @param listenerExistsNow whether AWS has this listener now
 */
record ListenerPolicyPlan(int port, List<String> current, List<String> observed, List<String> desired,
                          String readyStep, boolean listenerExistsNow, String reason) {

    ListenerPolicyPlan {
        current = List.copyOf(current);
        observed = List.copyOf(observed);
        desired = List.copyOf(desired);
    }
}
