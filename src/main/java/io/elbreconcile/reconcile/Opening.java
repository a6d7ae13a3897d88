package io.elbreconcile.reconcile;

/** A target being opened in the background while the input loads; opening makes no request. */
public interface Opening {

    /** The opened target, or the failure to open it, rethrown as it was. */
    OpenTarget await();

    /** The target is no longer wanted (the input was invalid, or names its own targets): close it. */
    void abandon();
}
