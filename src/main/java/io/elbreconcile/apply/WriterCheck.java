package io.elbreconcile.apply;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.plan.Fingerprints;
import io.elbreconcile.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Optimistic concurrency (PRODUCT.md section 13): just before the first write to a load balancer,
 * re-read it and compare it with the plan's fingerprint. Load balancers due together are read
 * together, up to 20 names a DescribeLoadBalancers call, so K load balancers cost at most
 * ceil(K/20) calls when they are due together. What the re-read sees is the description
 * (listeners, policies, health check, placement); tags and attributes would cost more calls.
 */
final class WriterCheck {

    static final String CHANGED = "changed by another writer during apply";

    private final ElbPort port;
    private final Map<String, String> expected = new HashMap<>();
    /** Load balancer name → empty when clear to write, else why its steps are skipped. */
    private final Map<String, Optional<String>> verdicts = new HashMap<>();

    WriterCheck(ElbPort port, Plan plan) {
        this.port = port;
        plan.fingerprints().forEach((key, digest) -> {
            Address address = Address.parse(key);
            if (address.kind() == io.elbreconcile.model.ResourceKind.LOAD_BALANCER && !Fingerprints.ABSENT.equals(digest)) {
                expected.put(address.loadBalancer(), digest);
            }
        });
    }

    /**
     * Why the writes to this load balancer must not go ahead, or empty when they may.
     *
     * @param dueTogether load balancers whose steps are ready now, in order: read along with it
     */
    Optional<String> objection(String loadBalancer, Iterable<String> dueTogether) {
        Optional<String> known = verdicts.get(loadBalancer);
        if (known != null) {
            return known;
        }
        if (!expected.containsKey(loadBalancer)) {
            // Not there when planned (to be created) or not read: nothing to compare with; a
            // create meeting an existing load balancer fails on its own.
            verdicts.put(loadBalancer, Optional.empty());
            return Optional.empty();
        }
        Set<String> batch = new LinkedHashSet<>();
        batch.add(loadBalancer);
        for (String other : dueTogether) {
            if (batch.size() == ElbPort.MAX_NAMES_PER_CALL) {
                break;
            }
            if (expected.containsKey(other) && !verdicts.containsKey(other)) {
                batch.add(other);
            }
        }
        reread(new ArrayList<>(batch));
        return verdicts.get(loadBalancer);
    }

    private void reread(List<String> names) {
        List<ObservedLoadBalancer> found;
        try {
            found = port.describeLoadBalancers(names);
        } catch (PortError error) {
            if (error.kind() == ErrorKind.LOAD_BALANCER_NOT_FOUND && names.size() > 1) {
                // One of them is gone and AWS does not say which: ask one by one (rare).
                names.forEach(name -> reread(List.of(name)));
                return;
            }
            String why = error.kind() == ErrorKind.LOAD_BALANCER_NOT_FOUND
                    ? CHANGED + " (it no longer exists)"
                    : "could not be re-read before writing: " + error.oneLine();
            names.forEach(name -> verdicts.put(name, Optional.of(Address.loadBalancer(name) + " " + why)));
            return;
        }
        Map<String, ObservedLoadBalancer> byName = new HashMap<>();
        found.forEach(lb -> byName.put(lb.name(), lb));
        for (String name : names) {
            ObservedLoadBalancer now = byName.get(name);
            boolean same = now != null && Fingerprints.ofDescription(now).equals(expected.get(name));
            verdicts.put(name, same ? Optional.empty() : Optional.of(Address.loadBalancer(name) + " " + CHANGED));
        }
    }
}
