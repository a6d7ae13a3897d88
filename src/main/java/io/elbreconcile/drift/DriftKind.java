package io.elbreconcile.drift;

import java.util.Locale;

/** How reality differs from Git (PRODUCT.md section 7). */
public enum DriftKind {
    /** Declared, absent. */
    MISSING,
    /** Exists, but an attribute differs. */
    CHANGED,
    /** The policy exists but is not enabled on the listener that declares it. */
    DETACHED,
    /** A cookie policy on a managed load balancer that no document declares. */
    ORPHAN,
    /** A load balancer carrying this stack's tag that no document declares. */
    UNMANAGED,
    /** A live HTTPS or SSL listener whose security policy {@code Settings.allowedSslPolicies} does not allow. */
    NONCOMPLIANT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
