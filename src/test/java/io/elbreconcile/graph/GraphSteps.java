package io.elbreconcile.graph;

import io.elbreconcile.model.Address;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.plan.Step;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.CreateListener;
import io.elbreconcile.plan.operation.DeleteListener;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.SetListenerPolicies;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small plan for the graph tests: listener 80 of {@code web} is replaced (delete, then create
 * under the same address), its policies are set on the new listener, and tags are set apart.
 */
final class GraphSteps {

    static final Step DELETE_LISTENER = step("DeleteLoadBalancerListeners:Listener/web/80#delete", Address.listener("web", 80),
            new DeleteListener("web", 80));
    static final Step CREATE_LISTENER = step("CreateLoadBalancerListeners:Listener/web/80#create", Address.listener("web", 80),
            new CreateListener("web", new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of())),
            DELETE_LISTENER.id());
    static final Step SET_POLICIES = step("SetLoadBalancerPoliciesOfListener:ListenerPolicies/web/80",
            Address.listenerPolicies("web", 80), new SetListenerPolicies("web", 80, List.of("sticky")), CREATE_LISTENER.id());
    static final Step TAGS = step("AddTags:Tags/web", Address.tags("web"), new AddTags("web", new TreeMap<>(Map.of("team", "shop"))));

    /** In the order they run: the replacement in its edges' order, then tags (Tags sorts after the listener addresses). */
    static final List<Step> IN_ORDER = List.of(DELETE_LISTENER, CREATE_LISTENER, SET_POLICIES, TAGS);

    private GraphSteps() {
    }

    static Step step(String id, Address address, Operation operation, String... dependsOn) {
        return new Step(id, address, operation, new TreeSet<>(Set.of(dependsOn)));
    }
}
