package io.elbreconcile.graph;

import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.Step;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps of a plan as a DAG: an edge runs from a prerequisite to the step that needs it. A
 * cycle or a dangling dependency is a planner bug and is reported as such, never worked around.
 */
public final class StepGraph {

    /** Ties in the order are broken by address, then id, so the same plan always runs and prints the same way. */
    private static final Comparator<Step> TIE_BREAK = Comparator.comparing(Step::address).thenComparing(Step::id);

    private final DirectedAcyclicGraph<Step, DefaultEdge> graph;
    private final Map<String, Step> byId;

    private StepGraph(DirectedAcyclicGraph<Step, DefaultEdge> graph, Map<String, Step> byId) {
        this.graph = graph;
        this.byId = byId;
    }

    public static StepGraph of(Plan plan) {
        return of(plan.steps());
    }

    public static StepGraph of(List<Step> steps) {
        DirectedAcyclicGraph<Step, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step step : steps) {
            if (byId.put(step.id(), step) != null) {
                throw new IllegalStateException("planner bug: two steps have the id " + step.id());
            }
            graph.addVertex(step);
        }
        for (Step step : steps) {
            for (String prerequisite : step.dependsOn()) {
                Step before = byId.get(prerequisite);
                if (before == null) {
                    throw new IllegalStateException("planner bug: step " + step.id() + " depends on unknown step " + prerequisite);
                }
                try {
                    graph.addEdge(before, step);
                } catch (IllegalArgumentException cycle) {
                    throw new IllegalStateException("planner bug: a dependency cycle through " + prerequisite
                            + " -> " + step.id(), cycle);
                }
            }
        }
        return new StepGraph(graph, byId);
    }

    /** Every step, prerequisites first; ties broken by address and id. */
    public List<Step> executionOrder() {
        List<Step> order = new ArrayList<>(graph.vertexSet().size());
        new TopologicalOrderIterator<>(graph, TIE_BREAK).forEachRemaining(order::add);
        return Collections.unmodifiableList(order);
    }

    public Step step(String id) {
        Step step = byId.get(id);
        if (step == null) {
            throw new IllegalArgumentException("no step " + id);
        }
        return step;
    }

    /** The steps that must succeed before {@code step} may run. */
    public List<Step> prerequisites(Step step) {
        return Graphs.predecessorListOf(graph, step);
    }

    /** The steps that wait directly for {@code step}. */
    public List<Step> dependents(Step step) {
        return Graphs.successorListOf(graph, step);
    }

    /** Every step that (transitively) waits for {@code step}: what a failure of it skips. */
    public Set<Step> descendants(Step step) {
        TreeSet<Step> all = new TreeSet<>(TIE_BREAK);
        all.addAll(graph.getDescendants(step));
        return all;
    }

    public int size() {
        return graph.vertexSet().size();
    }

    /** Edges as (prerequisite, dependent) id pairs, sorted; for renderers. */
    public List<String[]> edges() {
        List<String[]> edges = new ArrayList<>();
        for (DefaultEdge edge : graph.edgeSet()) {
            edges.add(new String[] {graph.getEdgeSource(edge).id(), graph.getEdgeTarget(edge).id()});
        }
        edges.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        return edges;
    }
}
