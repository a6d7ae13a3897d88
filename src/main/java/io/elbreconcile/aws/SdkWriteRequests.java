package io.elbreconcile.aws;

import io.elbreconcile.model.Scheme;
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
import io.elbreconcile.plan.operation.SetBackendServerPolicies;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.ElasticLoadBalancingResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Each plan operation as the one SDK request it is: the adapter's half of the table of operations.
 * Being a visitor, it fails to compile until a new operation is handled here.
 */
final class SdkWriteRequests implements OperationVisitor<Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse>> {

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(CreateLoadBalancer op) {
        return c -> c.createLoadBalancer(r -> {
            r.loadBalancerName(op.loadBalancer())
                    .listeners(op.listeners().stream().map(SdkMapping::listener).toList());
            if (!op.availabilityZones().isEmpty()) {
                r.availabilityZones(op.availabilityZones());
            }
            if (!op.subnets().isEmpty()) {
                r.subnets(op.subnets());
            }
            if (!op.securityGroups().isEmpty()) {
                r.securityGroups(op.securityGroups());
            }
            // Scheme is VPC-only (InvalidScheme otherwise) and internet-facing is the default:
            // send it only when it says something.
            if (op.scheme() == Scheme.INTERNAL) {
                r.scheme(op.scheme().wire());
            }
            if (!op.tags().isEmpty()) {
                r.tags(SdkMapping.tags(op.tags()));
            }
        });
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(DeleteLoadBalancer op) {
        return c -> c.deleteLoadBalancer(r -> r.loadBalancerName(op.loadBalancer()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(CreateListener op) {
        return c -> c.createLoadBalancerListeners(r -> r.loadBalancerName(op.loadBalancer())
                .listeners(SdkMapping.listener(op.listener())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(DeleteListener op) {
        return c -> c.deleteLoadBalancerListeners(r -> r.loadBalancerName(op.loadBalancer()).loadBalancerPorts(op.port()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(SetListenerCertificate op) {
        return c -> c.setLoadBalancerListenerSSLCertificate(r -> r
                .loadBalancerName(op.loadBalancer()).loadBalancerPort(op.port()).sslCertificateId(op.certificateId()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(CreateLbCookiePolicy op) {
        // 0 is our spelling of "absent" (browser-session cookie, fact 7); AWS is sent the absence.
        long period = op.cookieExpirationPeriod();
        return c -> c.createLBCookieStickinessPolicy(r -> r
                .loadBalancerName(op.loadBalancer()).policyName(op.policyName())
                .cookieExpirationPeriod(period == 0 ? null : period));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(CreateAppCookiePolicy op) {
        return c -> c.createAppCookieStickinessPolicy(r -> r
                .loadBalancerName(op.loadBalancer()).policyName(op.policyName()).cookieName(op.cookieName()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(CreatePolicy op) {
        return c -> c.createLoadBalancerPolicy(r -> r
                .loadBalancerName(op.loadBalancer()).policyName(op.policyName()).policyTypeName(op.policyTypeName())
                .policyAttributes(SdkMapping.policyAttributes(op.attributes())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(DeletePolicy op) {
        return c -> c.deleteLoadBalancerPolicy(r -> r.loadBalancerName(op.loadBalancer()).policyName(op.policyName()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(SetBackendServerPolicies op) {
        // As for listeners, an empty list must still travel: it disables every policy on the instance port.
        return c -> c.setLoadBalancerPoliciesForBackendServer(r -> r
                .loadBalancerName(op.loadBalancer()).instancePort(op.instancePort()).policyNames(new ArrayList<>(op.policyNames())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(SetListenerPolicies op) {
        // An empty list must still travel (as "PolicyNames="): it disables every policy (fact 2).
        return c -> c.setLoadBalancerPoliciesOfListener(r -> r
                .loadBalancerName(op.loadBalancer()).loadBalancerPort(op.port()).policyNames(new ArrayList<>(op.policyNames())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(ConfigureHealthCheck op) {
        return c -> c.configureHealthCheck(r -> r
                .loadBalancerName(op.loadBalancer()).healthCheck(SdkMapping.healthCheck(op.healthCheck())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(ModifyAttributes op) {
        return c -> c.modifyLoadBalancerAttributes(r -> r
                .loadBalancerName(op.loadBalancer()).loadBalancerAttributes(SdkMapping.attributes(op.attributes())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(AddTags op) {
        return c -> c.addTags(r -> r.loadBalancerNames(op.loadBalancer()).tags(SdkMapping.tags(op.tags())));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(RemoveTags op) {
        List<TagKeyOnly> keys = op.keys().stream().map(k -> TagKeyOnly.builder().key(k).build()).toList();
        return c -> c.removeTags(r -> r.loadBalancerNames(op.loadBalancer()).tags(keys));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(ApplySecurityGroups op) {
        return c -> c.applySecurityGroupsToLoadBalancer(r -> r
                .loadBalancerName(op.loadBalancer()).securityGroups(op.securityGroups()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(AttachSubnets op) {
        return c -> c.attachLoadBalancerToSubnets(r -> r.loadBalancerName(op.loadBalancer()).subnets(op.subnets()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(DetachSubnets op) {
        return c -> c.detachLoadBalancerFromSubnets(r -> r.loadBalancerName(op.loadBalancer()).subnets(op.subnets()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(EnableAvailabilityZones op) {
        return c -> c.enableAvailabilityZonesForLoadBalancer(r -> r
                .loadBalancerName(op.loadBalancer()).availabilityZones(op.zones()));
    }

    @Override
    public Function<ElasticLoadBalancingClient, ElasticLoadBalancingResponse> visit(DisableAvailabilityZones op) {
        return c -> c.disableAvailabilityZonesForLoadBalancer(r -> r
                .loadBalancerName(op.loadBalancer()).availabilityZones(op.zones()));
    }
}
