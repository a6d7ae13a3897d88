package io.elbreconcile.model;

import java.util.List;
import java.util.Objects;

/**
 * A listener with the policy list enabled on its port. The list is ordered and complete:
 * {@code SetLoadBalancerPoliciesOfListener} replaces the whole list (reference fact 2).
 *
 * @param sslCertificateId null unless the protocol needs a certificate
 */
public record Listener(
        Protocol protocol,
        int loadBalancerPort,
        Protocol instanceProtocol,
        int instancePort,
        String sslCertificateId,
        List<String> policyNames) {

    public Listener {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(instanceProtocol, "instanceProtocol");
        requirePort(loadBalancerPort, "loadBalancerPort");
        requirePort(instancePort, "instancePort");
        if (sslCertificateId != null && sslCertificateId.isBlank()) {
            sslCertificateId = null;
        }
        policyNames = List.copyOf(policyNames);
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 1-65535, was " + port);
        }
    }

    public Listener withPolicyNames(List<String> names) {
        return new Listener(protocol, loadBalancerPort, instanceProtocol, instancePort, sslCertificateId, names);
    }

    public Listener withCertificate(String certificateId) {
        return new Listener(protocol, loadBalancerPort, instanceProtocol, instancePort, certificateId, policyNames);
    }

    /**
     * True when the two differ in something only re-creating the listener can change
     * (the certificate has its own call, the policy list too).
     */
    public boolean needsRecreationToBecome(Listener other) {
        return protocol != other.protocol
                || instanceProtocol != other.instanceProtocol
                || instancePort != other.instancePort;
    }
}
