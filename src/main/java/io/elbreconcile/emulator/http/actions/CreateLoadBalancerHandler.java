package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.LoadBalancerActions;

/** CreateLoadBalancer: returns the DNS name; idempotent for an identical configuration. */
public final class CreateLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "CreateLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var request = new LoadBalancerActions.CreateRequest(query.required("LoadBalancerName"),
                Shapes.listeners(query), query.list("AvailabilityZones"), query.list("Subnets"),
                query.list("SecurityGroups"), query.optional("Scheme"), Shapes.tags(query));
        String dnsName = context.transition(w -> LoadBalancerActions.create(w, request, context.key(),
                context.settings().quotas(), context.nowMillis()));
        result.element("DNSName", dnsName);
    }
}
