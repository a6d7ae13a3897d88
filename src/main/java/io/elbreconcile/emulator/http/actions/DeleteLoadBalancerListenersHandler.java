package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.ListenerActions;

/** DeleteLoadBalancerListeners: by front-end port. */
public final class DeleteLoadBalancerListenersHandler implements ActionHandler {
    @Override public String action() { return "DeleteLoadBalancerListeners"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        if (!query.present("LoadBalancerPorts")) {
            throw io.elbreconcile.emulator.engine.EngineError.MISSING_PARAMETER.exception("LoadBalancerPorts");
        }
        var ports = query.intList("LoadBalancerPorts");
        context.apply(w -> ListenerActions.delete(w, name, ports));
    }
}
