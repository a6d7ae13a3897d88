package io.elbreconcile.emulator.engine;

import java.util.List;

/** Policies enabled on one back-end (instance) port. */
public record BackendServerState(int instancePort, List<String> policyNames) {
    public BackendServerState {
        policyNames = List.copyOf(policyNames);
    }
}
