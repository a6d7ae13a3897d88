package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyActions;
import io.elbreconcile.emulator.engine.PolicyAttribute;

/** CreateLoadBalancerPolicy: any policy type with name/value attributes. */
public final class CreateLoadBalancerPolicyHandler implements ActionHandler {
    @Override public String action() { return "CreateLoadBalancerPolicy"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        String policy = query.required("PolicyName");
        String type = query.required("PolicyTypeName");
        var attributes = query.structList("PolicyAttributes").stream()
                .map(m -> new PolicyAttribute(m.required("AttributeName"),
                        java.util.Objects.requireNonNullElse(m.optional("AttributeValue"), "")))
                .toList();
        context.apply(w -> PolicyActions.create(w, name, policy, type, attributes));
    }
}
