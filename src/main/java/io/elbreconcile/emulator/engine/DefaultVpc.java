package io.elbreconcile.emulator.engine;

import java.util.List;

/**
 * The default VPC AWS gives every account in every region, which is where a load balancer created
 * with Availability Zones only lives since EC2-Classic was retired: one default subnet per zone and
 * the VPC's security group named {@code default}. The emulator has no EC2, so the ids are derived
 * from the account, region and zone: the same every time, different between worlds.
 */
public record DefaultVpc(WorldKey key) {

    /** The name AWS gives a VPC's default security group. */
    public static final String SECURITY_GROUP_NAME = "default";

    public static DefaultVpc of(WorldKey key) {
        return new DefaultVpc(key);
    }

    public String vpcId() {
        return "vpc-" + hex("vpc/" + key.account() + "/" + key.region());
    }

    public String securityGroupId() {
        return "sg-" + hex("sg/" + key.account() + "/" + key.region());
    }

    public String subnetFor(String zone) {
        return "subnet-" + hex("subnet/" + key.account() + "/" + zone);
    }

    public List<String> subnetsFor(List<String> zones) {
        return zones.stream().map(this::subnetFor).toList();
    }

    public boolean contains(LoadBalancerState lb) {
        return vpcId().equals(lb.vpcId());
    }

    /**
     * The zone of a subnet: a default subnet's own zone; any other subnet gets a stable zone of the
     * region derived from its id (the emulator knows no real subnets).
     */
    public String zoneOf(String subnet) {
        for (char letter = 'a'; letter <= 'f'; letter++) {
            String zone = key.region() + letter;
            if (subnetFor(zone).equals(subnet)) {
                return zone;
            }
        }
        return key.region() + (char) ('a' + Math.floorMod(subnet.hashCode(), 3));
    }

    public boolean isDefaultSubnet(String subnet) {
        return subnetFor(zoneOf(subnet)).equals(subnet);
    }

    public List<String> zonesOf(List<String> subnets) {
        return subnets.stream().map(this::zoneOf).distinct().toList();
    }

    /** Eight hex digits from a stable hash of the text (String.hashCode is specified, so stable across JVMs). */
    private static String hex(String text) {
        long mixed = Math.floorMod((long) text.hashCode() * 2654435761L, 1L << 32);
        return String.format(java.util.Locale.ROOT, "%08x", mixed);
    }
}
