package io.elbreconcile.emulator.engine;

import java.util.List;
import java.util.Objects;

/**
 * One listener. Protocols are stored upper-case, as AWS reports them whatever the case sent.
 * {@code sslCertificateId} is null for HTTP and TCP. {@code policyNames} are the enabled policies.
 */
public record ListenerState(String protocol, int loadBalancerPort, String instanceProtocol, int instancePort,
                            String sslCertificateId, List<String> policyNames) {

    public ListenerState {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(instanceProtocol, "instanceProtocol");
        policyNames = List.copyOf(policyNames);
    }

    /** Same definition, ignoring the enabled policies: what CreateLoadBalancerListeners compares. */
    public boolean sameDefinition(ListenerState other) {
        return protocol.equals(other.protocol) && loadBalancerPort == other.loadBalancerPort
                && instanceProtocol.equals(other.instanceProtocol) && instancePort == other.instancePort
                && Objects.equals(sslCertificateId, other.sslCertificateId);
    }

    public boolean carriesHttp() {
        return protocol.equals("HTTP") || protocol.equals("HTTPS");
    }

    /** HTTPS or SSL from the load balancer to the instances. */
    public boolean secureToInstances() {
        return instanceProtocol.equalsIgnoreCase("HTTPS") || instanceProtocol.equalsIgnoreCase("SSL");
    }

    public boolean secure() {
        return protocol.equals("HTTPS") || protocol.equals("SSL");
    }

    public ListenerState withPolicyNames(List<String> names) {
        return new ListenerState(protocol, loadBalancerPort, instanceProtocol, instancePort, sslCertificateId, names);
    }

    public ListenerState withCertificate(String certificateId) {
        return new ListenerState(protocol, loadBalancerPort, instanceProtocol, instancePort, certificateId, policyNames);
    }

    public ListenerState withoutPolicies() {
        return withPolicyNames(List.of());
    }
}
