package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;

/**
 * Attach mode: a policy for a load balancer someone else owns. Only this policy is touched: it is
 * created and merged into the named listeners' lists, keeping every other policy there.
 *
 * @param present false for {@code ensure: absent}: detach from every listener and delete
 */
public record PolicyAttachment(String loadBalancer, StickinessPolicy policy, List<Integer> listenerPorts, boolean present) {

    public PolicyAttachment {
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(policy, "policy");
        listenerPorts = listenerPorts.stream().distinct().sorted().toList();
    }
}
