package io.elbreconcile.observe;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.ReservedTags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the observed state through the port with as few calls as AWS allows (PRODUCT.md section 9).
 *
 * <p>For N load balancers to observe (declared plus attach-mode), the descriptions cost:
 * <ul>
 *   <li>N &le; 20: one DescribeLoadBalancers by name. When it fails with LoadBalancerNotFound and
 *       N &gt; 1, AWS does not say which name is missing, so the region is paged instead (one
 *       page per 400 load balancers). Bisecting would cost up to 2N-1 calls when several are new,
 *       which is the usual case on a first plan; paging costs one call in most regions.</li>
 *   <li>N &gt; 20: pages of 400, stopping as soon as every name is found; once at most 20 are
 *       still missing and more pages remain, one call by name for them (a big region with few
 *       declared load balancers then needs neither all pages nor N/20 calls).</li>
 * </ul>
 * Then DescribeTags for the ones found, 20 names a call, and one DescribeLoadBalancerAttributes
 * per declared load balancer whose {@code attributes} declare something. Cookie policies come
 * with the descriptions: never a call per policy. A load balancer with policies of other types
 * than AWS's own predefined ones (an SSL negotiation policy of its own, say) costs one
 * DescribeLoadBalancerPolicies for all of them. In a region holding only the observed load
 * balancers this is at most {@code ceil(N/400) + ceil(N/20)} reads plus the attribute and policy calls.
 *
 * <p>Tag batches and attribute calls run concurrently on a bounded pool; pages are sequential.
 * A load balancer deleted between its description and a later call is left out, as if it had
 * been deleted a moment earlier.
 */
public final class Observer {

    public static final int DEFAULT_PARALLELISM = 8;

    private final ElbPort port;
    private final int parallelism;

    public Observer(ElbPort port) {
        this(port, DEFAULT_PARALLELISM);
    }

    public Observer(ElbPort port, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.port = port;
        this.parallelism = parallelism;
    }

    /** The declared and attach-mode load balancers that exist. */
    public ObservedState observe(DesiredState desired) {
        return observe(desired, Scope.declared());
    }

    /**
     * What the desired state needs, plus what the scope adds. Load balancers that do not exist are
     * absent from the result.
     *
     * @throws PortError when a call fails for any reason other than a load balancer vanishing
     */
    public ObservedState observe(DesiredState desired, Scope scope) {
        SortedSet<String> wanted = new TreeSet<>(desired.loadBalancers().keySet());
        desired.attachments().forEach(a -> wanted.add(a.loadBalancer()));
        Set<String> withAttributes = new TreeSet<>();
        for (DesiredLoadBalancer lb : desired.loadBalancers().values()) {
            if (!lb.attributes().isEmpty()) {
                withAttributes.add(lb.name());
            }
        }
        return observe(wanted, withAttributes, scope);
    }

    /**
     * The named load balancers that exist (for {@code import --load-balancer}); with attributes
     * when asked, which costs one call each.
     */
    public ObservedState observeNames(Collection<String> names, boolean withAttributes) {
        return observeNames(names, withAttributes ? names : Set.of());
    }

    /**
     * The named load balancers that exist, with attributes for those of {@code withAttributes}
     * (for re-observing what a saved plan read): one description pass for all of them.
     */
    public ObservedState observeNames(Collection<String> names, Collection<String> withAttributes) {
        return observe(new TreeSet<>(names), new TreeSet<>(withAttributes), Scope.declared());
    }

    private ObservedState observe(SortedSet<String> wanted, Set<String> withAttributes, Scope scope) {
        SortedMap<String, ObservedLoadBalancer> found = scope.listsAll() ? listAll() : find(wanted);
        if (found.isEmpty()) {
            return ObservedState.empty();
        }
        Set<String> attributeNames = new TreeSet<>(scope.wholeRegion() ? found.keySet() : withAttributes);
        attributeNames.retainAll(found.keySet());

        // Policies other than cookie ones are named, not described, by DescribeLoadBalancers: one
        // DescribeLoadBalancerPolicies for each load balancer that has some not named by AWS itself.
        Set<String> policyNames = new TreeSet<>();
        found.values().stream().filter(lb -> !lb.otherPoliciesToDescribe().isEmpty()).forEach(lb -> policyNames.add(lb.name()));
        Enrichment enrichment = enrich(new ArrayList<>(found.keySet()), attributeNames, policyNames);

        SortedMap<String, ObservedLoadBalancer> result = new TreeMap<>();
        for (ObservedLoadBalancer lb : found.values()) {
            String name = lb.name();
            SortedMap<String, String> tags = enrichment.tags.get(name);
            if (tags == null || enrichment.vanished.contains(name)) {
                continue;
            }
            boolean keep = scope.wholeRegion() || wanted.contains(name)
                    || (scope.stack() != null && (scope.stack().equals(tags.get(ReservedTags.STACK)) || attachedBy(scope.stack(), tags)));
            if (keep) {
                result.put(name, lb.withTags(tags).withAttributes(enrichment.attributes.get(name))
                        .withDescribedPolicies(enrichment.policies.getOrDefault(name, List.of())));
            }
        }
        Map<String, List<ManagedPolicy>> described = new TreeMap<>(enrichment.policies);
        described.keySet().retainAll(result.keySet());
        return new ObservedState(result).withAwsSslPoliciesFrom(described);
    }

    /**
     * The state, also knowing how these load balancers' policies under AWS's names are described:
     * one DescribeLoadBalancerPolicies each, none for a load balancer whose policies the
     * observation already described (that answer held them). For an allow list of SSL policies,
     * which must not take a policy's AWS name on trust. A load balancer deleted meanwhile stays
     * undescribed.
     */
    public ObservedState withAwsSslPolicies(ObservedState observed, Collection<String> loadBalancers) {
        Enrichment enrichment = new Enrichment();
        List<Runnable> tasks = new ArrayList<>();
        new TreeSet<>(loadBalancers).stream()
                .filter(name -> observed.loadBalancers().containsKey(name) && !observed.awsSslPoliciesDescribed(name))
                .forEach(name -> tasks.add(() -> readPolicies(name, enrichment)));
        runAll(tasks);
        return observed.withAwsSslPoliciesFrom(enrichment.policies);
    }

    /**
     * Whether the stack attached a policy to this load balancer (tag {@code elb-reconcile:attach:<policy>}
     * = stack): it must be seen to remove that policy once its document is gone.
     */
    private static boolean attachedBy(String stack, SortedMap<String, String> tags) {
        return tags.entrySet().stream().anyMatch(tag -> ReservedTags.isAttach(tag.getKey()) && tag.getValue().equals(stack));
    }

    // ---- descriptions ------------------------------------------------------------------------

    private SortedMap<String, ObservedLoadBalancer> find(SortedSet<String> wanted) {
        if (wanted.isEmpty()) {
            return new TreeMap<>();
        }
        if (wanted.size() <= ElbPort.MAX_NAMES_PER_CALL) {
            try {
                return index(port.describeLoadBalancers(wanted));
            } catch (PortError e) {
                if (e.kind() != ErrorKind.LOAD_BALANCER_NOT_FOUND) {
                    throw e;
                }
                if (wanted.size() == 1) {
                    return new TreeMap<>(); // the one name is the missing one
                }
                // Some are missing and AWS does not say which: page (see the class comment).
                return page(wanted, false);
            }
        }
        return page(wanted, true);
    }

    /** Pages until every wanted name is found or the pages run out. */
    private SortedMap<String, ObservedLoadBalancer> page(SortedSet<String> wanted, boolean mayAskByName) {
        SortedSet<String> missing = new TreeSet<>(wanted);
        SortedMap<String, ObservedLoadBalancer> found = new TreeMap<>();
        String marker = null;
        boolean askedByName = !mayAskByName;
        do {
            LoadBalancerPage page = port.describeLoadBalancers(marker, ElbPort.MAX_PAGE_SIZE);
            for (ObservedLoadBalancer lb : page.loadBalancers()) {
                if (missing.remove(lb.name())) {
                    found.put(lb.name(), lb);
                }
            }
            marker = page.nextMarker();
            if (marker != null && !missing.isEmpty() && !askedByName && missing.size() <= ElbPort.MAX_NAMES_PER_CALL) {
                askedByName = true;
                try {
                    found.putAll(index(port.describeLoadBalancers(missing)));
                    return found;
                } catch (PortError e) {
                    if (e.kind() != ErrorKind.LOAD_BALANCER_NOT_FOUND) {
                        throw e;
                    }
                    if (missing.size() == 1) {
                        return found;
                    }
                    // Some of the rest do not exist: keep paging from where we were.
                }
            }
        } while (marker != null && !missing.isEmpty());
        return found;
    }

    private SortedMap<String, ObservedLoadBalancer> listAll() {
        SortedMap<String, ObservedLoadBalancer> all = new TreeMap<>();
        String marker = null;
        do {
            LoadBalancerPage page = port.describeLoadBalancers(marker, ElbPort.MAX_PAGE_SIZE);
            page.loadBalancers().forEach(lb -> all.put(lb.name(), lb));
            marker = page.nextMarker();
        } while (marker != null);
        return all;
    }

    private static SortedMap<String, ObservedLoadBalancer> index(List<ObservedLoadBalancer> loadBalancers) {
        SortedMap<String, ObservedLoadBalancer> byName = new TreeMap<>();
        loadBalancers.forEach(lb -> byName.put(lb.name(), lb));
        return byName;
    }

    // ---- tags and attributes, concurrently ---------------------------------------------------

    private static final class Enrichment {
        final Map<String, SortedMap<String, String>> tags = new ConcurrentHashMap<>();
        final Map<String, Attributes> attributes = new ConcurrentHashMap<>();
        final Map<String, List<ManagedPolicy>> policies = new ConcurrentHashMap<>();
        final Set<String> vanished = ConcurrentHashMap.newKeySet();
    }

    private Enrichment enrich(List<String> names, Set<String> attributeNames, Set<String> policyNames) {
        Enrichment enrichment = new Enrichment();
        List<Runnable> tasks = new ArrayList<>();
        for (int from = 0; from < names.size(); from += ElbPort.MAX_NAMES_PER_CALL) {
            List<String> batch = List.copyOf(names.subList(from, Math.min(names.size(), from + ElbPort.MAX_NAMES_PER_CALL)));
            tasks.add(() -> readTags(batch, enrichment));
        }
        for (String name : attributeNames) {
            tasks.add(() -> readAttributes(name, enrichment));
        }
        for (String name : policyNames) {
            tasks.add(() -> readPolicies(name, enrichment));
        }
        runAll(tasks);
        return enrichment;
    }

    private void readTags(List<String> batch, Enrichment enrichment) {
        try {
            enrichment.tags.putAll(port.describeTags(batch));
        } catch (PortError e) {
            if (e.kind() != ErrorKind.LOAD_BALANCER_NOT_FOUND) {
                throw e;
            }
            // One of them was deleted since it was described; halve until it is found. Rare, so
            // the extra calls do not matter.
            if (batch.size() == 1) {
                enrichment.vanished.add(batch.get(0));
                return;
            }
            int half = batch.size() / 2;
            readTags(batch.subList(0, half), enrichment);
            readTags(batch.subList(half, batch.size()), enrichment);
        }
    }

    private void readPolicies(String name, Enrichment enrichment) {
        try {
            enrichment.policies.put(name, port.describePolicies(name));
        } catch (PortError e) {
            if (e.kind() != ErrorKind.LOAD_BALANCER_NOT_FOUND) {
                throw e;
            }
            enrichment.vanished.add(name);
        }
    }

    private void readAttributes(String name, Enrichment enrichment) {
        try {
            enrichment.attributes.put(name, port.describeAttributes(name));
        } catch (PortError e) {
            if (e.kind() != ErrorKind.LOAD_BALANCER_NOT_FOUND) {
                throw e;
            }
            enrichment.vanished.add(name);
        }
    }

    private void runAll(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        if (tasks.size() == 1 || parallelism == 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
            Thread thread = new Thread(r, "observe-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            // The first failure in submission order wins; the rest are dropped with the pool.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while observing", e);
        }
    }
}
