package io.elbreconcile.plan;

import io.elbreconcile.model.Address;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happens to one address. {@code before} and {@code after} are flat property maps (dotted keys,
 * values of String, Long, Boolean or a List of String), empty when the resource does not exist on
 * that side. Reasons are for people and never steer apply; what does steer it is typed:
 * {@code heldBack} (the action is real but has no steps until what it needs is given).
 *
 * @param heldBack present when the plan shows this change but does not carry it out
 * @param source {@code file:line} of the document declaring this address (or its load balancer);
 *        empty for what no document declares, e.g. a stack's undeclared load balancer
 * @param causes for each differing property, why it differs; empty unless planned with a baseline
 */
public record Change(Address address, Action action, SortedMap<String, Object> before,
                     SortedMap<String, Object> after, List<String> reasons, Optional<HeldBack> heldBack,
                     Optional<String> source, SortedMap<String, Cause> causes) implements Comparable<Change> {

    public Change {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(heldBack, "heldBack");
        Objects.requireNonNull(source, "source");
        if (heldBack.isPresent() && action == Action.NOOP) {
            throw new IllegalArgumentException(address + ": only a real action can be held back");
        }
        before = Values.copyOf(before);
        after = Values.copyOf(after);
        reasons = List.copyOf(reasons);
        causes = Collections.unmodifiableSortedMap(new TreeMap<>(causes));
    }

    /** A change carried out as planned, its source not yet known. */
    public Change(Address address, Action action, SortedMap<String, Object> before,
                  SortedMap<String, Object> after, List<String> reasons) {
        this(address, action, before, after, reasons, Optional.empty(), Optional.empty(), new TreeMap<>());
    }

    /** As read back from a plan file, causes included. */
    public Change(Address address, Action action, SortedMap<String, Object> before, SortedMap<String, Object> after,
                  List<String> reasons, Optional<HeldBack> heldBack, Optional<String> source) {
        this(address, action, before, after, reasons, heldBack, source, new TreeMap<>());
    }

    public static Change of(Address address, Action action, Map<String, Object> before, Map<String, Object> after,
                            String... reasons) {
        return new Change(address, action, new TreeMap<>(before), new TreeMap<>(after), List.of(reasons));
    }

    /** The same change, shown but not carried out. */
    public Change heldBack(HeldBack why) {
        return new Change(address, action, before, after, reasons, Optional.of(why), source, causes);
    }

    /** The same change, naming the document that declares it. */
    public Change withSource(String fileAndLine) {
        return new Change(address, action, before, after, reasons, heldBack, Optional.of(fileAndLine), causes);
    }

    /** The same change, each differing property attributed. */
    public Change withCauses(SortedMap<String, Cause> attributed) {
        return new Change(address, action, before, after, reasons, heldBack, source, attributed);
    }

    public boolean isHeldBack() {
        return heldBack.isPresent();
    }

    /** Carried out by this plan: a real action, not held back. */
    public boolean isCarriedOut() {
        return action != Action.NOOP && heldBack.isEmpty();
    }

    /** Keys whose values differ between before and after, sorted. */
    public List<String> changedKeys() {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        before.keySet().forEach(k -> keys.put(k, true));
        after.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet().stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
    }

    @Override
    public int compareTo(Change other) {
        return address.compareTo(other.address);
    }

    /** Immutable copies of property maps, with numbers normalised to Long so round trips compare equal. */
    static final class Values {
        private Values() {
        }

        static SortedMap<String, Object> copyOf(Map<String, Object> source) {
            TreeMap<String, Object> copy = new TreeMap<>();
            source.forEach((key, value) -> copy.put(key, normalise(key, value)));
            return Collections.unmodifiableSortedMap(copy);
        }

        private static Object normalise(String key, Object value) {
            if (value instanceof Integer || value instanceof Short || value instanceof Long) {
                return ((Number) value).longValue();
            }
            if (value instanceof String || value instanceof Boolean) {
                return value;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            throw new IllegalArgumentException("property " + key + " has unsupported value " + value);
        }
    }
}
