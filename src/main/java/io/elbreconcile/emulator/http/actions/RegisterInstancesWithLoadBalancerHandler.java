package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.InstanceActions;

/** RegisterInstancesWithLoadBalancer: returns every registered instance. */
public final class RegisterInstancesWithLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "RegisterInstancesWithLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var ids = Shapes.instanceIds(query);
        Shapes.instances(result, context.transition(w -> InstanceActions.register(w, name, ids, context.settings().quotas(),
                context.nowMillis())));
    }
}
