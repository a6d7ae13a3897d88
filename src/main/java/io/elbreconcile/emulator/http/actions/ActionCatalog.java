package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionHandler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The 29 operations of ELB 2012-06-01, by action name. */
public final class ActionCatalog {

    private ActionCatalog() {
    }

    public static Map<String, ActionHandler> all() {
        List<ActionHandler> handlers = List.of(
                new AddTagsHandler(),
                new ApplySecurityGroupsToLoadBalancerHandler(),
                new AttachLoadBalancerToSubnetsHandler(),
                new ConfigureHealthCheckHandler(),
                new CreateAppCookieStickinessPolicyHandler(),
                new CreateLBCookieStickinessPolicyHandler(),
                new CreateLoadBalancerHandler(),
                new CreateLoadBalancerListenersHandler(),
                new CreateLoadBalancerPolicyHandler(),
                new DeleteLoadBalancerHandler(),
                new DeleteLoadBalancerListenersHandler(),
                new DeleteLoadBalancerPolicyHandler(),
                new DeregisterInstancesFromLoadBalancerHandler(),
                new DescribeAccountLimitsHandler(),
                new DescribeInstanceHealthHandler(),
                new DescribeLoadBalancerAttributesHandler(),
                new DescribeLoadBalancerPoliciesHandler(),
                new DescribeLoadBalancerPolicyTypesHandler(),
                new DescribeLoadBalancersHandler(),
                new DescribeTagsHandler(),
                new DetachLoadBalancerFromSubnetsHandler(),
                new DisableAvailabilityZonesForLoadBalancerHandler(),
                new EnableAvailabilityZonesForLoadBalancerHandler(),
                new ModifyLoadBalancerAttributesHandler(),
                new RegisterInstancesWithLoadBalancerHandler(),
                new RemoveTagsHandler(),
                new SetLoadBalancerListenerSSLCertificateHandler(),
                new SetLoadBalancerPoliciesForBackendServerHandler(),
                new SetLoadBalancerPoliciesOfListenerHandler());
        Map<String, ActionHandler> byName = new TreeMap<>();
        handlers.forEach(h -> byName.put(h.action(), h));
        return byName;
    }
}
