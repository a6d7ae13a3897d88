package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.Limits;

/** DescribeAccountLimits: the quotas this emulator enforces, paginated like DescribeLoadBalancers. */
public final class DescribeAccountLimitsHandler implements ActionHandler {
    @Override public String action() { return "DescribeAccountLimits"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var page = Limits.describe(context.settings().quotas(), query.optional("Marker"), query.optionalInt("PageSize"));
        result.list("Limits", page.items(), (x, l) -> x.element("Name", l.name()).element("Max", l.max()));
        result.element("NextMarker", page.nextMarker());
    }
}
