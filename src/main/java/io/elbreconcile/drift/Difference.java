package io.elbreconcile.drift;

import io.elbreconcile.model.Address;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One difference between Git and reality, with the values on each side (empty when absent).
 *
 * @param source {@code file:line} of the declaring document; empty for what Git does not declare
 *        (an orphan policy, an unmanaged load balancer)
 */
public record Difference(DriftKind kind, Address address, SortedMap<String, Object> before,
                         SortedMap<String, Object> after, String detail, Optional<String> source)
        implements Comparable<Difference> {

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        before = Collections.unmodifiableSortedMap(new TreeMap<>(before));
        after = Collections.unmodifiableSortedMap(new TreeMap<>(after));
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(source, "source");
    }

    @Override
    public int compareTo(Difference other) {
        int byAddress = address.compareTo(other.address);
        return byAddress != 0 ? byAddress : kind.compareTo(other.kind);
    }
}
