package io.elbreconcile.emulator.engine;

import java.util.Locale;
import java.util.Set;

/**
 * A listener as a request gives it; {@link #toState()} applies AWS's defaults and rules
 * (reference 6.3): instance protocol defaults to HTTP behind HTTP/HTTPS and TCP behind TCP/SSL,
 * the two sides must both be layer 7 or both layer 4, secure listeners need a certificate and plain
 * ones (HTTP, TCP) take none.
 */
public record ListenerSpec(String protocol, int loadBalancerPort, String instanceProtocol, int instancePort,
                           String sslCertificateId) {

    private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "TCP", "SSL");

    public ListenerState toState() {
        String front = protocol(protocol);
        String back = instanceProtocol == null || instanceProtocol.isEmpty()
                ? (layer7(front) ? "HTTP" : "TCP") : protocol(instanceProtocol);
        checkPort("LoadBalancerPort", loadBalancerPort);
        checkPort("InstancePort", instancePort);
        if (layer7(front) != layer7(back)) {
            throw EngineError.VALIDATION.exception("Listener on port " + loadBalancerPort + ": protocol " + front
                    + " cannot forward to instance protocol " + back);
        }
        boolean secure = front.equals("HTTPS") || front.equals("SSL");
        String certificate = sslCertificateId == null || sslCertificateId.isEmpty() ? null : sslCertificateId;
        if (secure && certificate == null) {
            throw EngineError.VALIDATION.exception("SSLCertificateId is required for the " + front
                    + " listener on port " + loadBalancerPort);
        }
        if (!secure && certificate != null) {
            // PRODUCT.md section 14: refused, never dropped (a dropped certificate makes a plan loop).
            throw EngineError.LISTENER_NOT_SECURE.exception(loadBalancerPort, front);
        }
        if (certificate != null) {
            checkCertificate(certificate);
        }
        return new ListenerState(front, loadBalancerPort, back, instancePort, certificate, java.util.List.of());
    }

    static void checkCertificate(String certificate) {
        if (!certificate.startsWith("arn:aws:iam::") && !certificate.startsWith("arn:aws:acm:")) {
            throw EngineError.CERTIFICATE_NOT_FOUND.exception(certificate);
        }
    }

    private static boolean layer7(String protocol) {
        return protocol.equals("HTTP") || protocol.equals("HTTPS");
    }

    private static String protocol(String given) {
        String upper = given == null ? "" : given.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(upper)) {
            throw EngineError.UNSUPPORTED_PROTOCOL.exception(given);
        }
        return upper;
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw EngineError.VALIDATION.exception(what + " must be between 1 and 65535, got " + port);
        }
    }
}
