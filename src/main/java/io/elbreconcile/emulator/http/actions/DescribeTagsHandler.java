package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.TagActions;

/** DescribeTags: one TagDescription per name, at most 20 names. */
public final class DescribeTagsHandler implements ActionHandler {
    @Override public String action() { return "DescribeTags"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var descriptions = TagActions.describe(context.world(), query.requiredList("LoadBalancerNames"));
        result.list("TagDescriptions", descriptions, (x, d) -> {
            x.element("LoadBalancerName", d.loadBalancerName());
            Shapes.tags(x, d.tags());
        });
    }
}
