package io.elbreconcile.model;

import java.util.List;

/**
 * The policies enabled on one back-end (instance) port. Like a listener's, the list is complete:
 * SetLoadBalancerPoliciesForBackendServer replaces the whole set for the port (reference 6.2).
 */
public record BackendServer(int instancePort, List<String> policyNames) {

    public BackendServer {
        if (instancePort < 1 || instancePort > 65535) {
            throw new IllegalArgumentException("instancePort must be 1-65535, was " + instancePort);
        }
        policyNames = List.copyOf(policyNames);
    }
}
