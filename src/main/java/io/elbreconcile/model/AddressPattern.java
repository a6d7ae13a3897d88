package io.elbreconcile.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@code --target}: an address whose load balancer and name parts may hold {@code *} globs.
 * {@code LoadBalancer/NAME} covers everything of that load balancer (listeners, policies, health
 * check, attributes, tags); any other address covers itself, and without its last part (e.g.
 * {@code Listener/web}) every resource of that kind on the load balancer.
 *
 * @param name null when the pattern has no name part
 */
public record AddressPattern(ResourceKind kind, Glob loadBalancer, Glob name) implements Comparable<AddressPattern> {

    public AddressPattern {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
    }

    /**
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static AddressPattern parse(String text) {
        String[] parts = text.split("/", 3);
        if (parts.length < 2 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("--target '" + text + "' is not an address: expected KIND/LOAD_BALANCER[/NAME], e.g. "
                    + "LoadBalancer/web-* or Listener/web/443");
        }
        ResourceKind kind = Arrays.stream(ResourceKind.values()).filter(k -> k.prefix().equals(parts[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--target '" + text + "': unknown kind '" + parts[0]
                        + "'; expected one of " + Arrays.stream(ResourceKind.values()).map(ResourceKind::prefix)
                        .collect(Collectors.joining(", "))));
        boolean hasName = parts.length == 3 && !parts[2].isEmpty();
        if (hasName && isSingular(kind)) {
            throw new IllegalArgumentException("--target '" + text + "': a " + kind.prefix() + " address has no third part");
        }
        return new AddressPattern(kind, new Glob(parts[1]), hasName ? new Glob(parts[2]) : null);
    }

    private static boolean isSingular(ResourceKind kind) {
        return kind == ResourceKind.LOAD_BALANCER || kind == ResourceKind.HEALTH_CHECK
                || kind == ResourceKind.ATTRIBUTES || kind == ResourceKind.TAGS;
    }

    /** Whether the load balancer of this name may hold something this pattern covers. */
    public boolean mayCover(String loadBalancerName) {
        return loadBalancer.matches(loadBalancerName);
    }

    public boolean covers(Address address) {
        if (!loadBalancer.matches(address.loadBalancer())) {
            return false;
        }
        if (kind == ResourceKind.LOAD_BALANCER) {
            return true;
        }
        return kind == address.kind() && (name == null || name.matches(address.name()));
    }

    @Override
    public int compareTo(AddressPattern other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return kind.prefix() + "/" + loadBalancer + (name == null ? "" : "/" + name);
    }
}
