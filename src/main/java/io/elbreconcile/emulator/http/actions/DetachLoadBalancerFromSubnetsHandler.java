package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.NetworkActions;

/** DetachLoadBalancerFromSubnets: removes subnets, returns the remaining ones. */
public final class DetachLoadBalancerFromSubnetsHandler implements ActionHandler {
    @Override public String action() { return "DetachLoadBalancerFromSubnets"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var subnets = query.requiredList("Subnets");
        result.stringList("Subnets", context.transition(w -> NetworkActions.detachSubnets(w, context.key(), name, subnets)));
    }
}
