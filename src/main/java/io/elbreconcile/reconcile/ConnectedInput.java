package io.elbreconcile.reconcile;

import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.InputText;

import java.util.List;

/** One target's desired state, the input text it was loaded from, and the open target, which the caller closes. */
public record ConnectedInput(DesiredState desired, List<InputText> inputs, OpenTarget target) implements AutoCloseable {

    public ConnectedInput {
        inputs = List.copyOf(inputs);
    }

    @Override
    public void close() {
        target.close();
    }
}
