package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.NetworkActions;

/** EnableAvailabilityZonesForLoadBalancer: adds zones, returns all of them. */
public final class EnableAvailabilityZonesForLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "EnableAvailabilityZonesForLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var zones = query.requiredList("AvailabilityZones");
        result.stringList("AvailabilityZones", context.transition(w -> NetworkActions.enableZones(w, context.key(), name, zones)));
    }
}
