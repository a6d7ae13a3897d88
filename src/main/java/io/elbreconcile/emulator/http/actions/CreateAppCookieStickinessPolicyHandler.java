package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyActions;

/** CreateAppCookieStickinessPolicy: a policy following an application cookie; not enabled yet. */
public final class CreateAppCookieStickinessPolicyHandler implements ActionHandler {
    @Override public String action() { return "CreateAppCookieStickinessPolicy"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        String policy = query.required("PolicyName");
        String cookie = query.required("CookieName");
        context.apply(w -> PolicyActions.createAppCookie(w, name, policy, cookie));
    }
}
