package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.NetworkActions;

/** DisableAvailabilityZonesForLoadBalancer: removes zones (one must remain), returns the rest. */
public final class DisableAvailabilityZonesForLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "DisableAvailabilityZonesForLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var zones = query.requiredList("AvailabilityZones");
        result.stringList("AvailabilityZones", context.transition(w -> NetworkActions.disableZones(w, context.key(), name, zones)));
    }
}
