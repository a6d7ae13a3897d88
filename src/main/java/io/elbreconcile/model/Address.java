package io.elbreconcile.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * The stable, sortable name of a resource, e.g. {@code Listener/my-lb/443}. Sorting is by load
 * balancer, then kind, then name, with listener ports compared as numbers so 80 comes before 443.
 *
 * @param name the port or the policy name; empty for kinds that are one per load balancer
 */
public record Address(ResourceKind kind, String loadBalancer, String name) implements Comparable<Address> {

    private static final Comparator<Address> ORDER = Comparator
            .comparing((Address a) -> a.loadBalancer())
            .thenComparing(Address::kind)
            .thenComparing(Address::nameAsPort)
            .thenComparing(Address::name);

    public Address {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(name, "name");
    }

    public static Address loadBalancer(String lb) {
        return new Address(ResourceKind.LOAD_BALANCER, lb, "");
    }

    public static Address listener(String lb, int port) {
        return new Address(ResourceKind.LISTENER, lb, Integer.toString(port));
    }

    public static Address listenerPolicies(String lb, int port) {
        return new Address(ResourceKind.LISTENER_POLICIES, lb, Integer.toString(port));
    }

    public static Address backendServerPolicies(String lb, int instancePort) {
        return new Address(ResourceKind.BACKEND_SERVER_POLICIES, lb, Integer.toString(instancePort));
    }

    public static Address policy(String lb, ManagedPolicy policy) {
        return policy(lb, policy.kind(), policy.name());
    }

    public static Address policy(String lb, PolicyKind kind, String policyName) {
        return new Address(ResourceKind.of(kind), lb, policyName);
    }

    public static Address healthCheck(String lb) {
        return new Address(ResourceKind.HEALTH_CHECK, lb, "");
    }

    public static Address attributes(String lb) {
        return new Address(ResourceKind.ATTRIBUTES, lb, "");
    }

    public static Address tags(String lb) {
        return new Address(ResourceKind.TAGS, lb, "");
    }

    /** Parses the form {@link #toString()} prints. */
    public static Address parse(String text) {
        String[] parts = text.split("/", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an address: '" + text + "'");
        }
        return new Address(ResourceKind.fromPrefix(parts[0]), parts[1], parts.length == 3 ? parts[2] : "");
    }

    private long nameAsPort() {
        if (kind == ResourceKind.LISTENER || kind == ResourceKind.LISTENER_POLICIES
                || kind == ResourceKind.BACKEND_SERVER_POLICIES) {
            try {
                return Long.parseLong(name);
            } catch (NumberFormatException notAPort) {
                return Long.MAX_VALUE;
            }
        }
        return 0;
    }

    @Override
    public int compareTo(Address other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? kind.prefix() + "/" + loadBalancer : kind.prefix() + "/" + loadBalancer + "/" + name;
    }
}
