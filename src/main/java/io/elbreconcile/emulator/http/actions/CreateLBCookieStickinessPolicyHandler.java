package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyActions;

/** CreateLBCookieStickinessPolicy: a duration-based cookie policy; not enabled yet (fact 1). */
public final class CreateLBCookieStickinessPolicyHandler implements ActionHandler {
    @Override public String action() { return "CreateLBCookieStickinessPolicy"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        String policy = query.required("PolicyName");
        Long period = query.optionalLong("CookieExpirationPeriod");
        context.apply(w -> PolicyActions.createLbCookie(w, name, policy, period));
    }
}
