package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.HealthCheckActions;
import io.elbreconcile.emulator.engine.HealthCheckState;

/** ConfigureHealthCheck: replaces the health check and echoes it. */
public final class ConfigureHealthCheckHandler implements ActionHandler {
    @Override public String action() { return "ConfigureHealthCheck"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        HealthCheckState check = new HealthCheckState(query.required("HealthCheck.Target"),
                query.requiredInt("HealthCheck.Interval"), query.requiredInt("HealthCheck.Timeout"),
                query.requiredInt("HealthCheck.UnhealthyThreshold"), query.requiredInt("HealthCheck.HealthyThreshold"));
        Shapes.healthCheck(result, context.transition(w -> HealthCheckActions.configure(w, name, check)));
    }
}
