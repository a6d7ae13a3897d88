package io.elbreconcile.plan.operation;

/**
 * One method per operation; implemented by the SDK adapter (and the plan model in tests), so that a
 * new operation fails to compile there until it is handled.
 */
public interface OperationVisitor<R> {
    R visit(CreateLoadBalancer op);

    R visit(DeleteLoadBalancer op);

    R visit(CreateListener op);

    R visit(DeleteListener op);

    R visit(SetListenerCertificate op);

    R visit(CreateLbCookiePolicy op);

    R visit(CreateAppCookiePolicy op);

    R visit(CreatePolicy op);

    R visit(DeletePolicy op);

    R visit(SetListenerPolicies op);

    R visit(SetBackendServerPolicies op);

    R visit(ConfigureHealthCheck op);

    R visit(ModifyAttributes op);

    R visit(AddTags op);

    R visit(RemoveTags op);

    R visit(ApplySecurityGroups op);

    R visit(AttachSubnets op);

    R visit(DetachSubnets op);

    R visit(EnableAvailabilityZones op);

    R visit(DisableAvailabilityZones op);
}
