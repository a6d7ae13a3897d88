package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.AttributeActions;

/** DescribeLoadBalancerAttributes: every attribute group, defaults included. */
public final class DescribeLoadBalancerAttributesHandler implements ActionHandler {
    @Override public String action() { return "DescribeLoadBalancerAttributes"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        Shapes.attributes(result, AttributeActions.describe(context.world(), query.required("LoadBalancerName")), null);
    }
}
