package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.InstanceActions;

/** DescribeInstanceHealth: health follows the clock and the health check (InstanceActions). */
public final class DescribeInstanceHealthHandler implements ActionHandler {
    @Override public String action() { return "DescribeInstanceHealth"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var states = InstanceActions.health(context.world(), query.required("LoadBalancerName"), Shapes.instanceIds(query),
                context.nowMillis(), context.settings().healthTimeScale());
        result.list("InstanceStates", states, (x, s) -> x.element("InstanceId", s.instanceId())
                .element("State", s.state()).element("ReasonCode", s.reasonCode()).element("Description", s.description()));
    }
}
