package io.elbreconcile.graph;

import io.elbreconcile.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.elbreconcile.graph.GraphSteps.IN_ORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphRendererTest {

    @Test
    void dotListsStepsInExecutionOrderThenSortedEdges() {
        String expected = """
                digraph plan {
                  rankdir=LR;
                  node [shape=box, fontname="Helvetica"];
                  "DeleteLoadBalancerListeners:Listener/web/80#delete" [label="DeleteLoadBalancerListeners\\nListener/web/80\\n(delete)"];
                  "CreateLoadBalancerListeners:Listener/web/80#create" [label="CreateLoadBalancerListeners\\nListener/web/80\\n(create)"];
                  "SetLoadBalancerPoliciesOfListener:ListenerPolicies/web/80" [label="SetLoadBalancerPoliciesOfListener\\nListenerPolicies/web/80"];
                  "AddTags:Tags/web" [label="AddTags\\nTags/web"];
                  "CreateLoadBalancerListeners:Listener/web/80#create" -> "SetLoadBalancerPoliciesOfListener:ListenerPolicies/web/80";
                  "DeleteLoadBalancerListeners:Listener/web/80#delete" -> "CreateLoadBalancerListeners:Listener/web/80#create";
                }
                """;
        assertEquals(expected, GraphRenderer.render(StepGraph.of(IN_ORDER), GraphRenderer.Format.DOT));
    }

    @Test
    void mermaidNumbersStepsInExecutionOrder() {
        String expected = """
                flowchart LR
                  s1["DeleteLoadBalancerListeners<br/>Listener/web/80<br/>(delete)"]
                  s2["CreateLoadBalancerListeners<br/>Listener/web/80<br/>(create)"]
                  s3["SetLoadBalancerPoliciesOfListener<br/>ListenerPolicies/web/80"]
                  s4["AddTags<br/>Tags/web"]
                  s2 --> s3
                  s1 --> s2
                """;
        assertEquals(expected, GraphRenderer.render(StepGraph.of(IN_ORDER), GraphRenderer.Format.MERMAID));
    }

    @Test
    void theSamePlanRendersToTheSameBytesWhateverTheInputOrder() {
        List<Step> reversed = new ArrayList<>(IN_ORDER);
        Collections.reverse(reversed);
        for (GraphRenderer.Format format : GraphRenderer.Format.values()) {
            assertEquals(GraphRenderer.render(StepGraph.of(IN_ORDER), format), GraphRenderer.render(StepGraph.of(reversed), format),
                    format.name());
        }
    }

    @Test
    void anEmptyPlanIsAnEmptyGraph() {
        assertEquals("digraph plan {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n}\n",
                GraphRenderer.render(StepGraph.of(List.of()), GraphRenderer.Format.DOT));
        assertEquals("flowchart LR\n", GraphRenderer.render(StepGraph.of(List.of()), GraphRenderer.Format.MERMAID));
    }
}
