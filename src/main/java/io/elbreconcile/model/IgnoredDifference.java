package io.elbreconcile.model;

import java.util.Objects;

/**
 * A difference between Git and reality that the ignore rules told the tool to leave alone, e.g.
 * {@code Tags/web} {@code CostCenter}: not planned, not drift, only counted.
 *
 * @param field the part of the resource, as the ignore rule names it
 */
public record IgnoredDifference(Address address, String field) implements Comparable<IgnoredDifference> {

    public IgnoredDifference {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public int compareTo(IgnoredDifference other) {
        int byAddress = address.compareTo(other.address);
        return byAddress != 0 ? byAddress : field.compareTo(other.field);
    }
}
