package io.elbreconcile.model;

import java.util.function.Function;

/** A cookie stickiness policy. AWS policies are immutable: a changed attribute means a new policy. */
public sealed interface StickinessPolicy permits LbCookiePolicy, AppCookiePolicy {

    String name();

    PolicyKind kind();

    /** The same attributes under another name (used for the zero-gap temporary policy). */
    StickinessPolicy renamed(String newName);

    /** True when both have the same kind and attributes, whatever their names. */
    default boolean sameSettingsAs(StickinessPolicy other) {
        return renamed(other.name()).equals(other);
    }

    /** Attributes for display, e.g. {@code cookieExpirationPeriod=60}. */
    String describeSettings();

    /**
     * The one place that tells the kinds apart: a caller gives one function per kind, so a new kind
     * fails to compile wherever it must be handled (Java 17 has no pattern switch; see STYLE.md).
     */
    <R> R match(Function<LbCookiePolicy, R> lbCookie, Function<AppCookiePolicy, R> appCookie);
}
