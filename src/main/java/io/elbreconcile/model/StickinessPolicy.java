package io.elbreconcile.model;

/** A cookie stickiness policy. AWS policies are immutable: a changed attribute means a new policy. */
public sealed interface StickinessPolicy extends ManagedPolicy permits LbCookiePolicy, AppCookiePolicy {

    @Override
    StickinessPolicy renamed(String newName);
}
