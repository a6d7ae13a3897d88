package io.elbreconcile.model;

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
}
