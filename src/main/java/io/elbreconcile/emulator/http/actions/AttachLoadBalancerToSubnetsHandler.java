package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.NetworkActions;

/** AttachLoadBalancerToSubnets: adds subnets, returns all of them. */
public final class AttachLoadBalancerToSubnetsHandler implements ActionHandler {
    @Override public String action() { return "AttachLoadBalancerToSubnets"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var subnets = query.requiredList("Subnets");
        result.stringList("Subnets", context.transition(w -> NetworkActions.attachSubnets(w, context.key(), name, subnets)));
    }
}
