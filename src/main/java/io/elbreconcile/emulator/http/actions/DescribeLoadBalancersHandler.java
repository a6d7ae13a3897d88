package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.LoadBalancerActions;

/** DescribeLoadBalancers: named ones or all, PageSize 1..400 (default 400), NextMarker while more remain. */
public final class DescribeLoadBalancersHandler implements ActionHandler {
    @Override public String action() { return "DescribeLoadBalancers"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var page = LoadBalancerActions.describe(context.world(), query.list("LoadBalancerNames"),
                query.optional("Marker"), query.optionalInt("PageSize"));
        result.reserve(page.items().size() * 2_500);   // about what one description takes
        result.list("LoadBalancerDescriptions", page.items(), (x, lb) -> Descriptions.write(x, lb, context.key()));
        result.element("NextMarker", page.nextMarker());
    }
}
