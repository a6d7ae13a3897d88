package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** CreateLoadBalancer, DeleteLoadBalancer and DescribeLoadBalancers. */
public final class LoadBalancerActions {

    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{1,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{1,17}");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");

    /** Everything CreateLoadBalancer accepts; lists are never null, {@code scheme} may be. */
    public record CreateRequest(String name, List<ListenerSpec> listeners, List<String> availabilityZones,
                                List<String> subnets, List<String> securityGroups, String scheme, List<Tag> tags) {
        public CreateRequest {
            listeners = List.copyOf(listeners);
            availabilityZones = List.copyOf(availabilityZones);
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
            tags = List.copyOf(tags);
        }
    }

    private LoadBalancerActions() {
    }

    /**
     * Creates the load balancer and returns its DNS name. An identical request for an existing
     * name returns the existing DNS name and changes nothing; any difference is
     * {@code DuplicateLoadBalancerName} (reference fact 10).
     */
    public static Transition<String> create(World world, CreateRequest request, WorldKey key, Quotas quotas,
                                            long nowMillis) {
        Names.checkLoadBalancerName(request.name());
        if (request.listeners().isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("Listeners");
        }
        List<ListenerState> listeners = new ArrayList<>();
        for (ListenerSpec spec : request.listeners()) {
            ListenerState listener = spec.toState();
            for (ListenerState other : listeners) {
                if (other.loadBalancerPort() == listener.loadBalancerPort() && !other.sameDefinition(listener)) {
                    throw EngineError.DUPLICATE_LISTENER.exception(request.name(), listener.loadBalancerPort());
                }
            }
            if (listeners.stream().noneMatch(listener::sameDefinition)) {
                listeners.add(listener);
            }
        }
        ListenerActions.checkListenerSet(listeners, quotas);
        if (request.availabilityZones().isEmpty() == request.subnets().isEmpty()) {
            throw EngineError.VALIDATION.exception("Exactly one of AvailabilityZones or Subnets must be specified");
        }
        request.availabilityZones().forEach(LoadBalancerActions::checkZone);
        request.subnets().forEach(LoadBalancerActions::checkSubnet);
        request.securityGroups().forEach(LoadBalancerActions::checkSecurityGroup);
        String scheme = request.scheme() == null || request.scheme().isEmpty() ? "internet-facing" : request.scheme();
        if (!scheme.equals("internet-facing") && !scheme.equals("internal")) {
            throw EngineError.VALIDATION.exception("Scheme must be internet-facing or internal, got " + scheme);
        }
        List<Tag> tags = TagActions.merge(List.of(), request.tags(), request.name());

        var existing = world.find(request.name());
        if (existing.isPresent()) {
            String difference = difference(existing.get(), listeners, request, scheme, tags, DefaultVpc.of(key));
            if (difference != null) {
                throw EngineError.DUPLICATE_LOAD_BALANCER_NAME.exception(request.name(), difference);
            }
            return new Transition<>(world, existing.get().dnsName());
        }
        if (world.loadBalancers().size() >= quotas.loadBalancers()) {
            throw EngineError.TOO_MANY_LOAD_BALANCERS.exception(quotas.loadBalancers());
        }
        DefaultVpc defaultVpc = DefaultVpc.of(key);
        boolean byZones = request.subnets().isEmpty();
        // Placed by zones: the region's default VPC, a default subnet per zone, its default group.
        List<String> zones = byZones ? request.availabilityZones() : defaultVpc.zonesOf(request.subnets());
        List<String> subnets = byZones ? defaultVpc.subnetsFor(zones) : request.subnets();
        String vpcId = byZones || request.subnets().stream().allMatch(defaultVpc::isDefaultSubnet)
                ? defaultVpc.vpcId() : "vpc-" + hex(request.subnets().get(0), 8);
        List<String> groups = request.securityGroups().isEmpty() && (byZones || vpcId.equals(defaultVpc.vpcId()))
                ? List.of(defaultVpc.securityGroupId()) : request.securityGroups();
        LoadBalancerState created = new LoadBalancerState(request.name(), dnsName(request.name(), scheme, key.region()),
                nowMillis, scheme, listeners, List.of(), List.of(), zones, subnets, vpcId,
                groups, List.of(), HealthCheckState.DEFAULT, AttributesState.DEFAULT, tags, null);
        created = ListenerActions.withDefaultSecurityPolicy(created,
                listeners.stream().map(ListenerState::loadBalancerPort).collect(java.util.stream.Collectors.toSet()));
        return new Transition<>(world.with(created), created.dnsName());
    }

    /** Deleting a missing load balancer succeeds (reference 6.3). */
    public static World delete(World world, String name) {
        return world.without(name);
    }

    /**
     * Named load balancers (at most 20, each must exist) or all of them, page by page. Names given
     * with a marker or page size are paged too, in the order given.
     */
    public static Paging.Page<LoadBalancerState> describe(World world, List<String> names, String marker,
                                                          Integer pageSize) {
        if (names.isEmpty()) {
            return Paging.page(List.copyOf(world.loadBalancers().values()), LoadBalancerState::name, marker, pageSize);
        }
        if (names.size() > Limits.MAX_NAMES_PER_CALL) {
            // The text AWS was seen returning (reference 6.3).
            throw EngineError.VALIDATION.exception("Up to " + Limits.MAX_NAMES_PER_CALL
                    + " load balancers can be described at a time, but " + names.size() + " were specified");
        }
        List<LoadBalancerState> found = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String name : names) {
            if (seen.add(name)) {
                found.add(world.require(name));
            }
        }
        found.sort(java.util.Comparator.comparing(LoadBalancerState::name));
        return Paging.page(found, LoadBalancerState::name, marker, pageSize);
    }

    /** Deterministic from name and scheme, so recreating a name gives the same DNS name. */
    static String dnsName(String name, String scheme, String region) {
        String prefix = scheme.equals("internal") ? "internal-" : "";
        long digits = Math.floorMod((long) (name + "/" + region).hashCode() * 2654435761L, 9_000_000_000L) + 1_000_000_000L;
        return prefix + name + "-" + digits + "." + region + ".elb.amazonaws.com";
    }

    private static String difference(LoadBalancerState existing, List<ListenerState> listeners, CreateRequest request,
                                     String scheme, List<Tag> tags, DefaultVpc defaultVpc) {
        Set<String> wanted = new TreeSet<>();
        listeners.forEach(l -> wanted.add(key(l)));
        Set<String> have = new TreeSet<>();
        existing.listeners().forEach(l -> have.add(key(l)));
        if (!wanted.equals(have)) {
            return "listeners";
        }
        if (!existing.scheme().equals(scheme)) {
            return "scheme";
        }
        boolean byZones = request.subnets().isEmpty();
        if (!byZones && !existing.subnets().equals(request.subnets().stream().sorted().distinct().toList())) {
            return "subnets";
        }
        if (byZones
                && !existing.availabilityZones().equals(request.availabilityZones().stream().sorted().distinct().toList())) {
            return "availability zones";
        }
        // Without groups AWS chose the default VPC's group; asking again without any is the same request.
        boolean defaultGroups = request.securityGroups().isEmpty()
                && existing.securityGroups().equals(List.of(defaultVpc.securityGroupId()));
        if (!defaultGroups && !new TreeSet<>(existing.securityGroups()).equals(new TreeSet<>(request.securityGroups()))) {
            return "security groups";
        }
        if (!asMap(existing.tags()).equals(asMap(tags))) {
            return "tags";
        }
        return null;
    }

    private static String key(ListenerState l) {
        return l.loadBalancerPort() + "/" + l.protocol() + "/" + l.instanceProtocol() + "/" + l.instancePort() + "/"
                + l.sslCertificateId();
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new HashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    private static String hex(String seed, int length) {
        String hex = Long.toHexString(Math.abs((long) seed.hashCode() * 31L + 7L)) + "0000000000000000";
        return hex.substring(0, length);
    }

    static void checkZone(String zone) {
        if (!ZONE.matcher(zone).matches()) {
            throw EngineError.VALIDATION.exception("Invalid Availability Zone: " + zone);
        }
    }

    static void checkSubnet(String subnet) {
        if (!SUBNET.matcher(subnet).matches()) {
            throw EngineError.SUBNET_NOT_FOUND.exception(subnet);
        }
    }

    static void checkSecurityGroup(String group) {
        if (!SECURITY_GROUP.matcher(group).matches()) {
            throw EngineError.INVALID_SECURITY_GROUP.exception(group);
        }
    }
}
