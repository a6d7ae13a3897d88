package io.elbreconcile.model;

import java.util.Locale;

/** Listener protocols of a Classic load balancer. AWS accepts any case; we normalise to upper. */
public enum Protocol {
    HTTP, HTTPS, TCP, SSL;

    /** Cookie stickiness only works at layer 7 (reference fact 3). */
    public boolean supportsCookieStickiness() {
        return this == HTTP || this == HTTPS;
    }

    /** HTTPS and SSL front ends need a certificate. */
    public boolean needsCertificate() {
        return this == HTTPS || this == SSL;
    }

    public boolean isLayer7() {
        return this == HTTP || this == HTTPS;
    }

    public static Protocol parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
