package io.elbreconcile.observe;

import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.Scheme;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over random regions and desired states: the observer finds exactly the declared load balancers
 * that exist (plus the stack's), reads tags only for those, and wastes at most one description
 * call over paging the region, whatever mix of existing and new names it is given.
 */
class ObserverProperties {

    @Property(tries = 200)
    void findsExactlyWhatExistsWithinTheCallBudget(@ForAll long seed) {
        Random random = new Random(seed);
        int poolSize = 1 + random.nextInt(1200);
        double existing = random.nextDouble();
        double declaredShare = random.nextDouble() < 0.3 ? random.nextDouble() * 0.05 : random.nextDouble();
        boolean stack = random.nextInt(4) == 0;

        CountingElb elb = new CountingElb();
        Set<String> region = new TreeSet<>();
        Set<String> declared = new TreeSet<>();
        Set<String> tagged = new TreeSet<>();
        for (int i = 0; i < poolSize; i++) {
            String name = String.format("lb-%04d", i);
            boolean exists = random.nextDouble() < existing;
            boolean inStack = random.nextInt(10) == 0;
            if (exists) {
                region.add(name);
                elb.with(name, inStack ? Map.of(ReservedTags.STACK, "blue") : Map.of());
                if (inStack) {
                    tagged.add(name);
                }
            }
            if (random.nextDouble() < declaredShare) {
                declared.add(name);
            }
        }

        ObservedState observed = new Observer(elb, 1 + random.nextInt(8))
                .observe(desired(declared), stack ? Scope.stack("blue") : Scope.declared());

        Set<String> expected = new TreeSet<>(declared);
        expected.retainAll(region);
        if (stack) {
            expected.addAll(tagged);
        }
        assertEquals(expected, observed.loadBalancers().keySet());

        int pages = Math.max(1, ceil(region.size(), 400));
        if (stack) {
            assertEquals(pages, elb.count("DescribeLoadBalancers"));
            assertEquals(ceil(region.size(), 20), elb.count("DescribeTags"));
        } else {
            assertTrue(elb.count("DescribeLoadBalancers") <= pages + 1,
                    elb.count("DescribeLoadBalancers") + " descriptions for " + pages + " pages");
            Set<String> found = new TreeSet<>(declared);
            found.retainAll(region);
            assertEquals(ceil(found.size(), 20), elb.count("DescribeTags"));
        }
        if (!stack && region.equals(declared)) {
            int n = declared.size();
            assertTrue(elb.total() <= ceil(n, 400) + ceil(n, 20), "over the bound of PRODUCT.md section 9");
        }
    }

    private static DesiredState desired(Set<String> names) {
        TreeMap<String, DesiredLoadBalancer> lbs = new TreeMap<>();
        for (String name : names) {
            lbs.put(name, new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(),
                    List.of(), List.of(new Listener(Protocol.HTTP, 80, Protocol.HTTP, 80, null, List.of())), null, null,
                    new TreeMap<>(), false, List.of()));
        }
        return new DesiredState(lbs, List.of(), new TreeMap<>());
    }

    private static int ceil(int n, int per) {
        return (n + per - 1) / per;
    }
}
