package io.elbreconcile.model;

/** Whether a load balancer has a public DNS name. */
public enum Scheme {
    INTERNET_FACING("internet-facing"),
    INTERNAL("internal");

    private final String wire;

    Scheme(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Scheme fromWire(String text) {
        for (Scheme scheme : values()) {
            if (scheme.wire.equalsIgnoreCase(text)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + text + "'");
    }
}
