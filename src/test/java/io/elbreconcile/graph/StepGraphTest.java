package io.elbreconcile.graph;

import io.elbreconcile.model.Address;
import io.elbreconcile.plan.Step;
import io.elbreconcile.plan.operation.AddTags;
import io.elbreconcile.plan.operation.DeleteLoadBalancer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static io.elbreconcile.graph.GraphSteps.CREATE_LISTENER;
import static io.elbreconcile.graph.GraphSteps.DELETE_LISTENER;
import static io.elbreconcile.graph.GraphSteps.IN_ORDER;
import static io.elbreconcile.graph.GraphSteps.SET_POLICIES;
import static io.elbreconcile.graph.GraphSteps.TAGS;
import static io.elbreconcile.graph.GraphSteps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepGraphTest {

    @Test
    void theOrderIsTheSameWhateverOrderTheStepsCameIn() {
        for (List<Step> input : permutations(IN_ORDER)) {
            assertEquals(IN_ORDER, StepGraph.of(input).executionOrder(), "input " + input.stream().map(Step::id).toList());
        }
    }

    @Test
    void anEdgeOutranksTheTieBreak() {
        // By id alone "#create" would sort before "#delete"; the edge puts the deletion first.
        assertTrue(CREATE_LISTENER.id().compareTo(DELETE_LISTENER.id()) < 0);
        List<Step> order = StepGraph.of(List.of(CREATE_LISTENER, DELETE_LISTENER)).executionOrder();
        assertEquals(List.of(DELETE_LISTENER, CREATE_LISTENER), order);
    }

    @Test
    void independentStepsAreOrderedByAddressThenId() {
        Step tagsOfB = step("AddTags:Tags/b", Address.tags("b"), new AddTags("b", new TreeMap<>()));
        Step deleteB = step("DeleteLoadBalancer:LoadBalancer/b", Address.loadBalancer("b"), new DeleteLoadBalancer("b"));
        Step tagsOfA = step("AddTags:Tags/a", Address.tags("a"), new AddTags("a", new TreeMap<>()));
        Step sameAddressLaterId = step("AddTags:Tags/a#2", Address.tags("a"), new AddTags("a", new TreeMap<>()));
        List<Step> order = StepGraph.of(List.of(sameAddressLaterId, tagsOfB, deleteB, tagsOfA)).executionOrder();
        assertEquals(List.of(tagsOfA, sameAddressLaterId, deleteB, tagsOfB), order);
    }

    @Test
    void edgesRunFromPrerequisiteToDependentSorted() {
        StepGraph graph = StepGraph.of(IN_ORDER);
        List<List<String>> edges = graph.edges().stream().map(List::of).toList();
        assertEquals(List.of(List.of(CREATE_LISTENER.id(), SET_POLICIES.id()), List.of(DELETE_LISTENER.id(), CREATE_LISTENER.id())),
                edges);
        assertEquals(List.of(DELETE_LISTENER), graph.prerequisites(CREATE_LISTENER));
        assertEquals(List.of(SET_POLICIES), graph.dependents(CREATE_LISTENER));
        assertEquals(List.of(), graph.prerequisites(TAGS));
    }

    @Test
    void aFailureSkipsExactlyItsDescendants() {
        StepGraph graph = StepGraph.of(IN_ORDER);
        assertEquals(List.of(CREATE_LISTENER, SET_POLICIES), List.copyOf(graph.descendants(DELETE_LISTENER)));
        assertEquals(List.of(), List.copyOf(graph.descendants(TAGS)));
        assertEquals(4, graph.size());
        assertEquals(SET_POLICIES, graph.step(SET_POLICIES.id()));
        assertThrows(IllegalArgumentException.class, () -> graph.step("nope"));
    }

    @Test
    void aCycleIsReportedAsAPlannerBug() {
        Step first = step("a", Address.tags("web"), TAGS.operation(), "b");
        Step second = step("b", Address.tags("web"), TAGS.operation(), "a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StepGraph.of(List.of(first, second)));
        assertTrue(e.getMessage().startsWith("planner bug: a dependency cycle through "), e.getMessage());
    }

    @Test
    void aLongerCycleIsReportedToo() {
        Step first = step("a", Address.tags("web"), TAGS.operation(), "c");
        Step second = step("b", Address.tags("web"), TAGS.operation(), "a");
        Step third = step("c", Address.tags("web"), TAGS.operation(), "b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StepGraph.of(List.of(first, second, third)));
        assertTrue(e.getMessage().contains("dependency cycle"), e.getMessage());
    }

    @Test
    void aDanglingDependencyOrADuplicateIdIsAPlannerBug() {
        Step orphan = step("a", Address.tags("web"), TAGS.operation(), "missing");
        assertEquals("planner bug: step a depends on unknown step missing",
                assertThrows(IllegalStateException.class, () -> StepGraph.of(List.of(orphan))).getMessage());
        assertEquals("planner bug: two steps have the id " + TAGS.id(),
                assertThrows(IllegalStateException.class, () -> StepGraph.of(List.of(TAGS, TAGS))).getMessage());
    }

    private static List<List<Step>> permutations(List<Step> steps) {
        if (steps.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Step>> all = new ArrayList<>();
        for (Step head : steps) {
            List<Step> rest = new ArrayList<>(steps);
            rest.remove(head);
            for (List<Step> tail : permutations(rest)) {
                List<Step> one = new ArrayList<>();
                one.add(head);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
