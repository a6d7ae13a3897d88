package io.elbreconcile.spec;

import io.elbreconcile.model.ManagedPolicy;

import java.util.List;

/**
 * A policy document: one of the kinds of {@link io.elbreconcile.model.PolicyKind}.
 *
 * @param listenerPorts attach mode only; empty when not written
 * @param attachModeFieldsWritten whether {@code listenerPorts} or {@code ensure} appear (only valid in attach mode)
 * @param present false for {@code ensure: absent}
 */
record PolicyDocument(YamlDocument source, String loadBalancer, ManagedPolicy policy, List<Integer> listenerPorts,
                      boolean attachModeFieldsWritten, boolean present) implements SpecDocument {

    @Override
    public String name() {
        return policy.name();
    }
}
