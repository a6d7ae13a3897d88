package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.AttributeActions;
import io.elbreconcile.emulator.engine.AttributesState;

/** ModifyLoadBalancerAttributes: changes the groups sent and echoes them with the name. */
public final class ModifyLoadBalancerAttributesHandler implements ActionHandler {
    @Override public String action() { return "ModifyLoadBalancerAttributes"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        if (!query.present("LoadBalancerAttributes")) {
            throw io.elbreconcile.emulator.engine.EngineError.MISSING_PARAMETER.exception("LoadBalancerAttributes");
        }
        AttributesState next = context.transition(w ->
                AttributeActions.modify(w, name, Attributes.change(query, AttributeActions.describe(w, name))));
        result.element("LoadBalancerName", name);
        Shapes.attributes(result, next, query);
    }
}
