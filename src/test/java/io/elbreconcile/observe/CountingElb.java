package io.elbreconcile.observe;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory region that answers the read calls as AWS does (limits of 400 and 20, a whole
 * batch failing on one unknown name) and counts every call by operation. Writes are not needed
 * for observing and refuse.
 */
final class CountingElb implements ElbPort {

    private final Map<String, ObservedLoadBalancer> world = new ConcurrentHashMap<>();
    private final Map<String, SortedMap<String, String>> tags = new ConcurrentHashMap<>();
    private final Map<String, Attributes> attributes = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Called before each DescribeTags with its names; lets a test delete or block. */
    volatile Consumer<List<String>> beforeTags = names -> { };
    /** Load balancers every call but DescribeLoadBalancers pretends are already gone. */
    final Set<String> deletedAfterDescribe = ConcurrentHashMap.newKeySet();

    static ObservedLoadBalancer loadBalancer(String name) {
        return new ObservedLoadBalancer(name, name + ".elb", Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                List.of(), List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of(name + "-sticky"))),
                List.of(new LbCookiePolicy(name + "-sticky", 60)), List.of(), HealthCheck.AWS_DEFAULT, new TreeMap<>(), null);
    }

    CountingElb with(String name, Map<String, String> tagsOfIt) {
        world.put(name, loadBalancer(name));
        tags.put(name, new TreeMap<>(tagsOfIt));
        attributes.put(name, Attributes.AWS_DEFAULT);
        return this;
    }

    CountingElb withNumbered(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            with(String.format("%s-%05d", prefix, i), Map.of("n", Integer.toString(i)));
        }
        return this;
    }

    int count(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void called(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    private static PortError notFound(String operation, String name) {
        return new PortError(ErrorKind.LOAD_BALANCER_NOT_FOUND, "LoadBalancerNotFound",
                "There is no ACTIVE Load Balancer named '" + name + "'", 400, "req", operation, null);
    }

    @Override
    public Target target() {
        return new Target("memory", "us-east-1", null);
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        called("DescribeLoadBalancers");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        List<String> names = new ArrayList<>(new TreeMap<>(world).keySet());
        int from = marker == null ? 0 : Integer.parseInt(marker);
        int to = Math.min(names.size(), from + pageSize);
        List<ObservedLoadBalancer> page = names.subList(from, to).stream().map(world::get).toList();
        return new LoadBalancerPage(page, to < names.size() ? Integer.toString(to) : null);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        called("DescribeLoadBalancers");
        if (names.isEmpty() || names.size() > MAX_NAMES_PER_CALL) {
            throw new IllegalArgumentException(names.size() + " names");
        }
        List<ObservedLoadBalancer> found = new ArrayList<>();
        for (String name : names) {
            ObservedLoadBalancer lb = world.get(name);
            if (lb == null) {
                throw notFound("DescribeLoadBalancers", name);
            }
            found.add(lb);
        }
        return found;
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        called("DescribeTags");
        if (names.isEmpty() || names.size() > MAX_NAMES_PER_CALL) {
            throw new IllegalArgumentException(names.size() + " names");
        }
        beforeTags.accept(List.copyOf(names));
        Map<String, SortedMap<String, String>> result = new TreeMap<>();
        for (String name : names) {
            if (!world.containsKey(name) || deletedAfterDescribe.contains(name)) {
                throw notFound("DescribeTags", name);
            }
            result.put(name, new TreeMap<>(tags.get(name)));
        }
        return result;
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        called("DescribeLoadBalancerAttributes");
        if (!world.containsKey(loadBalancer) || deletedAfterDescribe.contains(loadBalancer)) {
            throw notFound("DescribeLoadBalancerAttributes", loadBalancer);
        }
        return attributes.get(loadBalancer);
    }

    @Override
    public CallStats stats() {
        return new CallStats(total(), 0, 0);
    }

    @Override
    public void close() {
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        called("DescribeLoadBalancerPolicies");
        return List.of();
    }

    /** Observing must not write. */
    @Override
    public void write(Operation operation) {
        throw new UnsupportedOperationException("observing must not write: " + operation.describe());
    }
}
