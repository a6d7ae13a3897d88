package io.elbreconcile.model;

/** Connection draining; AWS reports the timeout (300 by default) even when disabled. */
public record ConnectionDraining(boolean enabled, int timeout) {
}
