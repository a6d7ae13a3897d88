package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.TagActions;

/** AddTags: upserts tags on one load balancer. */
public final class AddTagsHandler implements ActionHandler {
    @Override public String action() { return "AddTags"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var names = query.requiredList("LoadBalancerNames");
        var tags = Shapes.tags(query);
        context.apply(world -> TagActions.add(world, names, tags));
    }
}
