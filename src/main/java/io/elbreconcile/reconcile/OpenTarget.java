package io.elbreconcile.reconcile;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.model.Target;

/**
 * A target ready for calls: the port every call goes through and the target's stable identity.
 * How it was opened (AWS, an embedded emulator, an assumed role) is the caller's business.
 */
public interface OpenTarget extends AutoCloseable {

    ElbPort port();

    Target target();

    @Override
    void close();
}
