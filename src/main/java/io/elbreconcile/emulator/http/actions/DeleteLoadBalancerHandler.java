package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.LoadBalancerActions;

/** DeleteLoadBalancer: succeeds also when the load balancer does not exist. */
public final class DeleteLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "DeleteLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        context.apply(w -> LoadBalancerActions.delete(w, name));
    }
}
