package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.ListenerActions;

/** CreateLoadBalancerListeners: adds listeners; identical ones are a no-op. */
public final class CreateLoadBalancerListenersHandler implements ActionHandler {
    @Override public String action() { return "CreateLoadBalancerListeners"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        var listeners = Shapes.listeners(query);
        context.apply(w -> ListenerActions.create(w, name, listeners, context.settings().quotas()));
    }
}
