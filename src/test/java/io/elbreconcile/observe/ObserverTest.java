package io.elbreconcile.observe;

import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.Scheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObserverTest {

    private static final Set<String> READS = Set.of("DescribeLoadBalancers", "DescribeTags", "DescribeLoadBalancerAttributes");
    private static final Attributes IDLE_120 = new Attributes(null, null, 120, null);

    private final CountingElb elb = new CountingElb();
    private final Observer observer = new Observer(elb);

    @AfterEach
    void onlyBulkReadsWereMade() {
        // No write, and no per-policy call (DescribeLoadBalancerPolicies) ever.
        assertTrue(READS.containsAll(elb.calls.keySet()), "unexpected calls: " + elb.calls.keySet());
    }

    private static DesiredLoadBalancer declared(String name, Attributes attributes) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of())), null, attributes,
                new TreeMap<>(), false, List.of());
    }

    private static DesiredState desired(List<String> names) {
        return desired(names, Set.of(), List.of());
    }

    private static DesiredState desired(List<String> names, Set<String> withAttributes, List<PolicyAttachment> attachments) {
        TreeMap<String, DesiredLoadBalancer> lbs = new TreeMap<>();
        names.forEach(n -> lbs.put(n, declared(n, withAttributes.contains(n) ? IDLE_120 : null)));
        return new DesiredState(lbs, attachments, new TreeMap<>());
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s-%05d", prefix, i)).toList();
    }

    private static int bound(int n) {
        return ceil(n, 400) + ceil(n, 20);
    }

    private static int ceil(int n, int per) {
        return (n + per - 1) / per;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 20, 21, 399, 400, 401, 420, 421, 800, 2000})
    void declaredLoadBalancersCostAtMostTheBound(int n) {
        List<String> names = numbered("lb", n);
        names.forEach(name -> elb.with(name, Map.of("team", name)));

        ObservedState observed = observer.observe(desired(names));

        assertEquals(n, observed.loadBalancers().size());
        ObservedLoadBalancer last = observed.loadBalancer(names.get(n - 1)).orElseThrow();
        assertEquals(Map.of("team", names.get(n - 1)), last.tags());
        assertEquals(List.of(new LbCookiePolicy(last.name() + "-sticky", 60)), last.policies());
        assertNull(last.attributes(), "attributes are read only when declared");
        assertEquals(ceil(n, 400), elb.count("DescribeLoadBalancers"));
        assertEquals(ceil(n, 20), elb.count("DescribeTags"));
        assertEquals(0, elb.count("DescribeLoadBalancerAttributes"));
        assertTrue(elb.total() <= bound(n), elb.total() + " calls, bound " + bound(n));
    }

    @Test
    void nothingDeclaredMeansNoCalls() {
        elb.withNumbered("other", 10);
        assertEquals(ObservedState.empty(), observer.observe(DesiredState.empty()));
        assertEquals(0, elb.total());
    }

    @Test
    void aFewNamesInABigRegionCostOneDescription() {
        elb.withNumbered("other", 5000).with("web", Map.of());
        ObservedState observed = observer.observe(desired(List.of("web")));
        assertEquals(Set.of("web"), observed.loadBalancers().keySet());
        assertEquals(1, elb.count("DescribeLoadBalancers"));
        assertEquals(1, elb.count("DescribeTags"));
    }

    @Test
    void pagingStopsOnceEveryNameIsFound() {
        List<String> names = numbered("a", 25);
        names.forEach(n -> elb.with(n, Map.of()));
        elb.withNumbered("other", 5000);
        assertEquals(25, observer.observe(desired(names)).loadBalancers().size());
        assertEquals(1, elb.count("DescribeLoadBalancers"), "one page held them all; the other 12 are not read");
    }

    @Test
    void theLastFewAreAskedForByNameInsteadOfPagingOn() {
        List<String> names = new ArrayList<>(numbered("a", 15));
        names.addAll(numbered("zz", 15));
        names.forEach(n -> elb.with(n, Map.of()));
        elb.withNumbered("other", 5000);
        assertEquals(30, observer.observe(desired(names)).loadBalancers().size());
        assertEquals(2, elb.count("DescribeLoadBalancers"), "first page, then the 15 left by name");
    }

    @Test
    void whenTheLastFewIncludeMissingOnesPagingGoesOn() {
        List<String> existing = new ArrayList<>(numbered("a", 15));
        existing.addAll(numbered("zz", 10));
        existing.forEach(n -> elb.with(n, Map.of()));
        elb.withNumbered("other", 5000);
        List<String> names = new ArrayList<>(existing);
        names.addAll(numbered("zzz-new", 5));

        ObservedState observed = observer.observe(desired(names));

        assertEquals(Set.copyOf(existing), observed.loadBalancers().keySet());
        assertEquals(ceil(5025, 400) + 1, elb.count("DescribeLoadBalancers"), "every page plus the failed try by name");
    }

    @Test
    void oneMissingNameIsKnownMissingAfterOneCall() {
        elb.withNumbered("other", 3);
        assertTrue(observer.observe(desired(List.of("new-lb"))).loadBalancers().isEmpty());
        assertEquals(1, elb.total());
    }

    @Test
    void aBatchWithMissingNamesFallsBackToPaging() {
        elb.with("web", Map.of()).with("api", Map.of()).withNumbered("other", 3);
        ObservedState observed = observer.observe(desired(List.of("api", "new-1", "new-2", "web")));
        assertEquals(Set.of("api", "web"), observed.loadBalancers().keySet());
        assertEquals(2, elb.count("DescribeLoadBalancers"), "the failed batch, then one page");
        assertEquals(1, elb.count("DescribeTags"), "tags only for the ones that exist");
    }

    @Test
    void aFirstPlanOfNewLoadBalancersStaysWithinTheBound() {
        List<String> names = numbered("new", 5);
        assertTrue(observer.observe(desired(names)).loadBalancers().isEmpty());
        assertEquals(2, elb.total());
        assertTrue(elb.total() <= bound(5));
    }

    @Test
    void attributesAreReadOnlyWhereDeclared() {
        List<String> names = numbered("lb", 30);
        names.forEach(n -> elb.with(n, Map.of()));
        Set<String> withAttributes = Set.of(names.get(0), names.get(7), names.get(29));

        ObservedState observed = observer.observe(desired(names, withAttributes, List.of()));

        assertEquals(3, elb.count("DescribeLoadBalancerAttributes"));
        assertEquals(Attributes.AWS_DEFAULT, observed.loadBalancer(names.get(7)).orElseThrow().attributes());
        assertNull(observed.loadBalancer(names.get(8)).orElseThrow().attributes());
        assertEquals(bound(30) + 3, elb.total());
    }

    @Test
    void attachModeLoadBalancersAreObservedWithoutAttributes() {
        elb.with("shared", Map.of("owner", "someone-else")).with("web", Map.of());
        PolicyAttachment attachment = new PolicyAttachment("shared", new LbCookiePolicy("mine", 30), List.of(80), true);

        ObservedState observed = observer.observe(desired(List.of("web"), Set.of("web"), List.of(attachment)));

        assertEquals(Set.of("shared", "web"), observed.loadBalancers().keySet());
        assertEquals(Map.of("owner", "someone-else"), observed.loadBalancer("shared").orElseThrow().tags());
        assertNull(observed.loadBalancer("shared").orElseThrow().attributes());
        assertEquals(1, elb.count("DescribeLoadBalancers"));
        assertEquals(1, elb.count("DescribeTags"));
        assertEquals(1, elb.count("DescribeLoadBalancerAttributes"));
    }

    @Test
    void aStackFindsItsUndeclaredLoadBalancersByTag() {
        elb.withNumbered("other", 1000)
                .with("web", Map.of(ReservedTags.STACK, "blue"))
                .with("old-1", Map.of(ReservedTags.STACK, "blue"))
                .with("old-2", Map.of(ReservedTags.STACK, "blue", "team", "x"))
                .with("green-1", Map.of(ReservedTags.STACK, "green"));

        ObservedState observed = observer.observe(desired(List.of("web", "api")), Scope.stack("blue"));

        assertEquals(Set.of("old-1", "old-2", "web"), observed.loadBalancers().keySet());
        int total = 1004;
        assertEquals(ceil(total, 400), elb.count("DescribeLoadBalancers"));
        assertEquals(ceil(total, 20), elb.count("DescribeTags"), "the stack tag can only be seen by reading every tag");
    }

    @Test
    void everythingComesWithTagsAndAttributes() {
        elb.withNumbered("lb", 45);
        ObservedState observed = observer.observe(DesiredState.empty(), Scope.all());
        assertEquals(45, observed.loadBalancers().size());
        assertTrue(observed.loadBalancers().values().stream().allMatch(lb -> lb.attributes() != null));
        assertEquals(Map.of("n", "44"), observed.loadBalancer("lb-00044").orElseThrow().tags());
        assertEquals(1, elb.count("DescribeLoadBalancers"));
        assertEquals(3, elb.count("DescribeTags"));
        assertEquals(45, elb.count("DescribeLoadBalancerAttributes"));
    }

    @Test
    void namedLoadBalancersForImport() {
        elb.withNumbered("lb", 5);
        ObservedState observed = observer.observeNames(List.of("lb-00001", "lb-00003", "missing"), true);
        assertEquals(Set.of("lb-00001", "lb-00003"), observed.loadBalancers().keySet());
        assertNotNull(observed.loadBalancer("lb-00003").orElseThrow().attributes());
        assertEquals(2, elb.count("DescribeLoadBalancerAttributes"));
    }

    @Test
    void tagBatchesRunConcurrently() {
        List<String> names = numbered("lb", 40);
        names.forEach(n -> elb.with(n, Map.of()));
        // Each of the two batches waits for the other: observing them one after the other would fail here.
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        elb.beforeTags = batch -> {
            try {
                bothInFlight.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("tag batches did not overlap", e);
            }
        };
        assertEquals(40, observer.observe(desired(names)).loadBalancers().size());
        assertEquals(2, elb.count("DescribeTags"));
    }

    @Test
    void aLoadBalancerDeletedMeanwhileIsLeftOut() {
        List<String> names = numbered("lb", 40);
        names.forEach(n -> elb.with(n, Map.of()));
        elb.deletedAfterDescribe.add(names.get(3));
        elb.deletedAfterDescribe.add(names.get(35));

        ObservedState observed = observer.observe(desired(names, Set.of(names.get(35)), List.of()));

        assertEquals(38, observed.loadBalancers().size());
        assertTrue(observed.loadBalancer(names.get(3)).isEmpty());
        assertTrue(observed.loadBalancer(names.get(35)).isEmpty());
    }

    @Test
    void otherFailuresReachTheCallerUnwrapped() {
        List<String> names = numbered("lb", 40);
        names.forEach(n -> elb.with(n, Map.of()));
        PortError denied = new PortError(ErrorKind.REJECTED, "AccessDenied", "not allowed", 403, "r", "DescribeTags", null);
        elb.beforeTags = batch -> {
            throw denied;
        };
        assertSame(denied, assertThrows(PortError.class, () -> observer.observe(desired(names))));
    }

    @Test
    void theResultIsImmutable() {
        elb.with("web", Map.of());
        ObservedState observed = observer.observe(desired(List.of("web")));
        assertThrows(UnsupportedOperationException.class, () -> observed.loadBalancers().remove("web"));
        assertThrows(UnsupportedOperationException.class,
                () -> observed.loadBalancer("web").orElseThrow().tags().put("k", "v"));
    }
}
