package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.TagActions;

/** RemoveTags: removes tags by key from one load balancer. */
public final class RemoveTagsHandler implements ActionHandler {
    @Override public String action() { return "RemoveTags"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var names = query.requiredList("LoadBalancerNames");
        var keys = query.structList("Tags").stream().map(m -> m.required("Key")).toList();
        context.apply(world -> TagActions.remove(world, names, keys));
    }
}
