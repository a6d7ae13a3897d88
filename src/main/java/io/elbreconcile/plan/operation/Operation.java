package io.elbreconcile.plan.operation;

import io.elbreconcile.model.ManagedPolicy;

import java.util.Optional;

/**
 * One API call the apply engine will make. Each record holds exactly the parameters of its call,
 * so a saved plan says precisely what will be sent. {@link OperationKind} names each one's AWS
 * operation. Behaviour lives on the types (Java 17 has no pattern switch): {@link #accept} lets the
 * SDK adapter map each to its request, and a new operation fails to compile until every visitor
 * handles it.
 */
public sealed interface Operation permits
        CreateLoadBalancer, DeleteLoadBalancer, CreateListener, DeleteListener, SetListenerCertificate,
        CreateLbCookiePolicy, CreateAppCookiePolicy, CreatePolicy, DeletePolicy, SetListenerPolicies, SetBackendServerPolicies,
        ConfigureHealthCheck, ModifyAttributes, AddTags, RemoveTags, ApplySecurityGroups,
        AttachSubnets, DetachSubnets, EnableAvailabilityZones, DisableAvailabilityZones {

    /** The AWS API operation name, e.g. {@code CreateLBCookieStickinessPolicy}, from {@link OperationKind}. */
    default String awsOperation() {
        return OperationKind.of(this).awsName();
    }

    String loadBalancer();

    /** A sentence a user could paste into a ticket. */
    String describe();

    <R> R accept(OperationVisitor<R> visitor);

    /** The policy this operation creates, if it creates one: apply adopts an identical one AWS already has. */
    default Optional<ManagedPolicy> createdPolicy() {
        return Optional.empty();
    }
}
