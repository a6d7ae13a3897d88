package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyActions;

/** DescribeLoadBalancerPolicies: type names and string attribute values (fact 7). */
public final class DescribeLoadBalancerPoliciesHandler implements ActionHandler {
    @Override public String action() { return "DescribeLoadBalancerPolicies"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.optional("LoadBalancerName");
        var policies = PolicyActions.describe(context.world(), name == null || name.isEmpty() ? null : name,
                query.list("PolicyNames"));
        result.list("PolicyDescriptions", policies, (x, p) -> {
            x.element("PolicyName", p.name()).element("PolicyTypeName", p.typeName());
            Shapes.policyAttributes(x, "PolicyAttributeDescriptions", p.attributes());
        });
    }
}
