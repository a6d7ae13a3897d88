package io.elbreconcile.plan.operation;

/** Changes an HTTPS/SSL listener's certificate in place: no re-creation, no outage. */
public record SetListenerCertificate(String loadBalancer, int port, String certificateId) implements Operation {

    @Override
    public String describe() {
        return "Switch the certificate of listener " + port + " on " + loadBalancer + " to " + certificateId;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
