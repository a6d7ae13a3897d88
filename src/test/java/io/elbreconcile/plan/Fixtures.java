package io.elbreconcile.plan;

import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.graph.StepGraph;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.StickinessPolicy;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Builders for planner tests: small, readable desired and observed states. */
final class Fixtures {

    static final Target TARGET = new Target("http://127.0.0.1:1", "us-east-1", null);

    private Fixtures() {
    }

    static Listener http(int port, int instancePort, String... policies) {
        return new Listener(Protocol.HTTP, port, Protocol.HTTP, instancePort, null, List.of(policies));
    }

    static Listener https(int port, String certificate, String... policies) {
        return new Listener(Protocol.HTTPS, port, Protocol.HTTP, 8080, certificate, List.of(policies));
    }

    static Listener tcp(int port) {
        return new Listener(Protocol.TCP, port, Protocol.TCP, port, null, List.of());
    }

    static DesiredLoadBalancer lb(String name, List<Listener> listeners, List<ManagedPolicy> policies) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                listeners, null, null, new TreeMap<>(), false, policies);
    }

    static DesiredLoadBalancer lb(String name, List<Listener> listeners, List<ManagedPolicy> policies,
                                  HealthCheck healthCheck, Attributes attributes, Map<String, String> tags, boolean protect) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                listeners, healthCheck, attributes, new TreeMap<>(tags), protect, policies);
    }

    static DesiredState desired(DesiredLoadBalancer... lbs) {
        return desired(List.of(lbs), List.of());
    }

    static DesiredState desired(List<DesiredLoadBalancer> lbs, List<PolicyAttachment> attachments) {
        TreeMap<String, DesiredLoadBalancer> byName = new TreeMap<>();
        lbs.forEach(lb -> byName.put(lb.name(), lb));
        TreeMap<Address, SourceLocation> origins = new TreeMap<>();
        for (PolicyAttachment a : attachments) {
            origins.put(Address.policy(a.loadBalancer(), a.policy()), new SourceLocation("policies.yaml", 3, 1));
        }
        return new DesiredState(byName, attachments, origins);
    }

    /** The observed state that creating {@code desired} from nothing leaves behind. */
    static ObservedState built(DesiredState desired) {
        return run(plan(desired, ObservedState.empty()), ObservedState.empty(), op -> { });
    }

    static ObservedLoadBalancer observed(String name, List<Listener> listeners, List<ManagedPolicy> policies,
                                         List<String> otherPolicies, Map<String, String> tags) {
        return new ObservedLoadBalancer(name, name + ".elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), listeners, policies, otherPolicies, HealthCheck.AWS_DEFAULT, new TreeMap<>(tags),
                Attributes.AWS_DEFAULT);
    }

    static ObservedState world(ObservedLoadBalancer... lbs) {
        TreeMap<String, ObservedLoadBalancer> byName = new TreeMap<>();
        for (ObservedLoadBalancer lb : lbs) {
            byName.put(lb.name(), lb);
        }
        return new ObservedState(byName);
    }

    static Plan plan(DesiredState desired, ObservedState observed) {
        return plan(desired, observed, PlanOptions.defaults());
    }

    static Plan plan(DesiredState desired, ObservedState observed, PlanOptions options) {
        return new Planner().plan(desired, observed, options, TARGET);
    }

    /** Runs the plan's steps in execution order against the model; {@code afterEach} sees every call. */
    static ObservedState run(Plan plan, ObservedState observed, Consumer<SimulatedElb> afterEach) {
        SimulatedElb aws = new SimulatedElb(observed);
        for (var step : StepGraph.of(plan).executionOrder()) {
            aws.apply(step.operation());
            afterEach.accept(aws);
        }
        return aws.state();
    }

    static List<String> operationsInOrder(Plan plan) {
        List<String> ops = new ArrayList<>();
        for (var step : StepGraph.of(plan).executionOrder()) {
            Operation op = step.operation();
            ops.add(op.awsOperation() + " " + op.describe());
        }
        return ops;
    }

    static List<String> awsOperationsInOrder(Plan plan) {
        return StepGraph.of(plan).executionOrder().stream().map(s -> s.operation().awsOperation()).toList();
    }
}
