package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.SecurityGroupCatalog;
import io.elbreconcile.emulator.engine.World;
import io.elbreconcile.emulator.engine.WorldKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2 {@code DescribeSecurityGroups} (API 2016-11-15, EC2 Query protocol) over the groups an ELB
 * world knows ({@link SecurityGroupCatalog}): the one EC2 call Terraform's aws_elb makes. Filters
 * as {@code Filter.N.Name} and {@code Filter.N.Value.M}; {@code GroupId.N} and {@code GroupName.N}
 * ask for groups by id and name, which must exist. Errors are EC2's ({@link Ec2Front}). Of the rest of EC2 only {@link Ec2NetworkInterfaces} is emulated.
 */
final class Ec2SecurityGroups {
    static final String ACTION = "DescribeSecurityGroups";
    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final int MAX_FILTERS = 50;

    private Ec2SecurityGroups() {
    }

    static QueryFront.Response answer(Map<String, String> parameters, World world, WorldKey key, String requestId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.startsWith("GroupId.")) {
                filters.computeIfAbsent("group-id", k -> new ArrayList<>()).add(parameter.getValue());
            } else if (name.startsWith("GroupName.")) {
                filters.computeIfAbsent("group-name", k -> new ArrayList<>()).add(parameter.getValue());
            } else if (name.matches("Filter\\.\\d{1,2}\\.Name")) {
                String prefix = name.substring(0, name.length() - "Name".length());
                List<String> values = new ArrayList<>();
                for (int m = 1; parameters.containsKey(prefix + "Value." + m) && m <= MAX_FILTERS; m++) {
                    values.add(parameters.get(prefix + "Value." + m));
                }
                filters.computeIfAbsent(parameter.getValue(), k -> new ArrayList<>()).addAll(values);
            } else if (!name.matches("Filter\\.\\d{1,2}\\.Value\\.\\d{1,2}") && !name.startsWith("X-Amz-")
                    && !name.equals("Action") && !name.equals("Version")) {
                throw Ec2Front.Ec2Exception.unknownParameter(name);
            }
        }
        requireEachNamed(parameters, "GroupId.", "group-id", world, key);
        requireEachNamed(parameters, "GroupName.", "group-name", world, key);
        var groups = SecurityGroupCatalog.describe(world, key, filters);
        Xml xml = new Xml().openWithNamespace(ACTION + "Response", NAMESPACE).element("requestId", requestId);
        if (groups.isEmpty()) {
            xml.empty("securityGroupInfo");
        } else {
            xml.open("securityGroupInfo");
            for (var group : groups) {
                xml.open("item").element("ownerId", group.ownerId()).element("groupId", group.groupId())
                        .element("groupName", group.groupName()).element("groupDescription", group.description())
                        .element("vpcId", group.vpcId()).empty("ipPermissions").empty("ipPermissionsEgress")
                        .close("item");
            }
            xml.close("securityGroupInfo");
        }
        return new QueryFront.Response(200, xml.close(ACTION + "Response").toString());
    }

    /**
     * A group asked for by id or name ({@code GroupId.N}, {@code GroupName.N}) that does not exist
     * fails the request with InvalidGroup.NotFound (EC2 API Reference, client error codes: "The
     * specified security group does not exist"), whereas a filter matching nothing is an empty set.
     */
    private static void requireEachNamed(Map<String, String> parameters, String prefix, String filter, World world, WorldKey key) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getKey().startsWith(prefix)
                    && SecurityGroupCatalog.describe(world, key, Map.of(filter, List.of(parameter.getValue()))).isEmpty()) {
                throw Ec2Front.Ec2Exception.client("InvalidGroup.NotFound",
                        "The security group '" + parameter.getValue() + "' does not exist");
            }
        }
    }
}
