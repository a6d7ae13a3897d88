package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security groups an ELB world knows of, for the one EC2 question tools ask about load
 * balancers (Terraform's aws_elb looks up the id of a VPC load balancer's source security group):
 * the default group of the region's default VPC, and every group a load balancer names. The
 * emulator has no EC2; a group it knows only by id is named by its id, as SourceSecurityGroup does.
 */
public final class SecurityGroupCatalog {

    /** One group, as EC2 DescribeSecurityGroups reports it (without rules). */
    public record SecurityGroup(String ownerId, String groupId, String groupName, String description, String vpcId) {
    }

    /** The filters EC2 takes here; any other name is refused. */
    public static final Set<String> FILTERS = Set.of("group-id", "group-name", "vpc-id", "owner-id");

    private SecurityGroupCatalog() {
    }

    /** Groups matching every filter (a filter matches when any of its values does), sorted by id. */
    public static List<SecurityGroup> describe(World world, WorldKey key, Map<String, List<String>> filters) {
        for (String name : filters.keySet()) {
            if (!FILTERS.contains(name)) {
                throw EngineError.INVALID_PARAMETER_VALUE.exception(name, "Filter.Name", "supported filters are "
                        + String.join(", ", new java.util.TreeSet<>(FILTERS)));
            }
        }
        DefaultVpc vpc = DefaultVpc.of(key);
        Map<String, SecurityGroup> known = new LinkedHashMap<>();
        known.put(vpc.securityGroupId(), new SecurityGroup(key.account(), vpc.securityGroupId(),
                DefaultVpc.SECURITY_GROUP_NAME, "default VPC security group", vpc.vpcId()));
        for (LoadBalancerState lb : world.loadBalancers().values()) {
            for (String group : lb.securityGroups()) {
                known.putIfAbsent(group, new SecurityGroup(key.account(), group, group, group, lb.vpcId()));
            }
        }
        List<SecurityGroup> out = new ArrayList<>();
        for (SecurityGroup group : known.values()) {
            if (matches(filters.get("group-id"), group.groupId()) && matches(filters.get("group-name"), group.groupName())
                    && matches(filters.get("vpc-id"), group.vpcId()) && matches(filters.get("owner-id"), group.ownerId())) {
                out.add(group);
            }
        }
        out.sort(java.util.Comparator.comparing(SecurityGroup::groupId));
        return out;
    }

    private static boolean matches(List<String> values, String actual) {
        return values == null || values.contains(actual);
    }
}
