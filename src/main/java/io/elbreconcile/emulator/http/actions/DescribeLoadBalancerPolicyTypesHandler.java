package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyTypes;

/** DescribeLoadBalancerPolicyTypes: all types, or the named ones. */
public final class DescribeLoadBalancerPolicyTypesHandler implements ActionHandler {
    @Override public String action() { return "DescribeLoadBalancerPolicyTypes"; }
    @Override public boolean mutating() { return false; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        var types = PolicyTypes.describe(query.list("PolicyTypeNames"));
        result.list("PolicyTypeDescriptions", types, (x, t) -> {
            x.element("PolicyTypeName", t.name()).element("Description", t.description());
            x.list("PolicyAttributeTypeDescriptions", t.attributes(), (y, a) -> y
                    .element("AttributeName", a.name()).element("AttributeType", a.type())
                    .element("Description", a.description()).element("DefaultValue", a.defaultValue())
                    .element("Cardinality", a.cardinality()));
        });
    }
}
