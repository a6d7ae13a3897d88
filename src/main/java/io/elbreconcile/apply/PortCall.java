package io.elbreconcile.apply;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.ApplySecurityGroups;
import io.elbreconcile.plan.operation.AttachSubnets;
import io.elbreconcile.plan.operation.ConfigureHealthCheck;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.CreatePolicy;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import io.elbreconcile.plan.operation.DeletePolicy;
import io.elbreconcile.plan.operation.DetachSubnets;
import io.elbreconcile.plan.operation.DisableAvailabilityZones;
import io.elbreconcile.plan.operation.EnableAvailabilityZones;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.OperationVisitor;
import io.elbreconcile.plan.operation.RemoveTags;
import io.elbreconcile.plan.operation.SetListenerCertificate;
import io.elbreconcile.plan.operation.SetListenerPolicies;

import java.util.List;

/** Each operation of a plan is exactly one port call. */
final class PortCall implements OperationVisitor<Void> {

    private final ElbPort port;

    PortCall(ElbPort port) {
        this.port = port;
    }

    @Override
    public Void visit(CreateLoadBalancer op) {
        port.createLoadBalancer(op.loadBalancer(), op.scheme(), op.availabilityZones(), op.subnets(),
                op.securityGroups(), op.listeners(), op.tags());
        return null;
    }

    @Override
    public Void visit(DeleteLoadBalancer op) {
        port.deleteLoadBalancer(op.loadBalancer());
        return null;
    }

    @Override
    public Void visit(CreateListener op) {
        port.createListeners(op.loadBalancer(), List.of(op.listener()));
        return null;
    }

    @Override
    public Void visit(DeleteListener op) {
        port.deleteListeners(op.loadBalancer(), List.of(op.port()));
        return null;
    }

    @Override
    public Void visit(SetListenerCertificate op) {
        port.setListenerCertificate(op.loadBalancer(), op.port(), op.certificateId());
        return null;
    }

    @Override
    public Void visit(CreateLbCookiePolicy op) {
        port.createLbCookiePolicy(op.loadBalancer(), op.policyName(), op.cookieExpirationPeriod());
        return null;
    }

    @Override
    public Void visit(CreateAppCookiePolicy op) {
        port.createAppCookiePolicy(op.loadBalancer(), op.policyName(), op.cookieName());
        return null;
    }

    @Override
    public Void visit(CreatePolicy op) {
        port.createPolicy(op.loadBalancer(), op.policyName(), op.policyTypeName(), op.attributes());
        return null;
    }

    @Override
    public Void visit(DeletePolicy op) {
        port.deletePolicy(op.loadBalancer(), op.policyName());
        return null;
    }

    @Override
    public Void visit(SetListenerPolicies op) {
        port.setListenerPolicies(op.loadBalancer(), op.port(), op.policyNames());
        return null;
    }

    @Override
    public Void visit(ConfigureHealthCheck op) {
        port.configureHealthCheck(op.loadBalancer(), op.healthCheck());
        return null;
    }

    @Override
    public Void visit(ModifyAttributes op) {
        port.modifyAttributes(op.loadBalancer(), op.attributes());
        return null;
    }

    @Override
    public Void visit(AddTags op) {
        port.addTags(op.loadBalancer(), op.tags());
        return null;
    }

    @Override
    public Void visit(RemoveTags op) {
        port.removeTags(op.loadBalancer(), op.keys());
        return null;
    }

    @Override
    public Void visit(ApplySecurityGroups op) {
        port.applySecurityGroups(op.loadBalancer(), op.securityGroups());
        return null;
    }

    @Override
    public Void visit(AttachSubnets op) {
        port.attachSubnets(op.loadBalancer(), op.subnets());
        return null;
    }

    @Override
    public Void visit(DetachSubnets op) {
        port.detachSubnets(op.loadBalancer(), op.subnets());
        return null;
    }

    @Override
    public Void visit(EnableAvailabilityZones op) {
        port.enableAvailabilityZones(op.loadBalancer(), op.zones());
        return null;
    }

    @Override
    public Void visit(DisableAvailabilityZones op) {
        port.disableAvailabilityZones(op.loadBalancer(), op.zones());
        return null;
    }
}
