package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.NetworkActions;

/** ApplySecurityGroupsToLoadBalancer: replaces the security groups, returns them. */
public final class ApplySecurityGroupsToLoadBalancerHandler implements ActionHandler {
    @Override public String action() { return "ApplySecurityGroupsToLoadBalancer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var groups = query.requiredList("SecurityGroups");
        result.stringList("SecurityGroups", context.transition(w -> NetworkActions.applySecurityGroups(w, name, groups)));
    }
}
