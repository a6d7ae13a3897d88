package io.elbreconcile.apply;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.plan.operation.SetListenerPolicies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/** A port that records every write as "Operation target" and fails the ones it is told to. */
final class RecordingPort implements ElbPort {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, PortError> failures = new ConcurrentHashMap<>();
    private final Map<String, ObservedLoadBalancer> described = new ConcurrentHashMap<>();

    RecordingPort failing(String call, ErrorKind kind, String code, String message) {
        failures.put(call, new PortError(kind, code, message, kind == ErrorKind.INVALID_CONFIGURATION ? 409 : 400,
                "req-1", call.split(" ")[0], null));
        return this;
    }

    RecordingPort describing(ObservedLoadBalancer lb) {
        described.put(lb.name(), lb);
        return this;
    }

    private void call(String operation, String target) {
        String call = operation + " " + target;
        calls.add(call);
        PortError failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Target target() {
        return new Target("test", "us-east-1", null);
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        return new LoadBalancerPage(new ArrayList<>(described.values()), null);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        return names.stream().map(described::get).toList();
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        return Map.of();
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        return Attributes.AWS_DEFAULT;
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        return List.of();
    }

    /** Recorded as "Operation loadBalancer", with the policy or the port and its policies where a test tells steps apart by them. */
    @Override
    public void write(Operation operation) {
        String target = operation.loadBalancer();
        if (operation instanceof SetListenerPolicies set) {
            target += "/" + set.port() + "=" + set.policyNames();
        } else if (operation.createdPolicy().isPresent()) {
            target += "/" + operation.createdPolicy().get().name();
        }
        call(operation.awsOperation(), target);
    }

    @Override
    public CallStats stats() {
        return new CallStats(0, calls.size(), 0);
    }

    @Override
    public void close() {
    }
}
