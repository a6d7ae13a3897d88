package io.elbreconcile.emulator.http;

import java.util.Map;

/**
 * EC2 {@code DescribeNetworkInterfaces} (API 2016-11-15, EC2 Query protocol), which Terraform's
 * aws_elb calls on destroy to clean up the load balancer's interfaces. The emulator runs no
 * network interfaces, so the truthful answer to any filter is an empty set; modelled interfaces
 * would only invite the detach and delete calls that follow, which nothing here could honour.
 * Filters ({@code Filter.N.Name}, {@code Filter.N.Value.M}) and paging ({@code MaxResults},
 * {@code NextToken}) are accepted. Asking for an interface by id ({@code NetworkInterfaceId.N})
 * fails as EC2 fails for an id it does not have: InvalidNetworkInterfaceID.NotFound, 400 (EC2 API
 * Reference, client error codes), in EC2's error format ({@link Ec2Front}).
 */
final class Ec2NetworkInterfaces {
    static final String ACTION = "DescribeNetworkInterfaces";

    private Ec2NetworkInterfaces() {
    }

    static QueryFront.Response answer(Map<String, String> parameters, String requestId) {
        for (String name : parameters.keySet()) {
            boolean known = name.matches("Filter\\.\\d{1,2}\\.(Name|Value\\.\\d{1,2})") || name.startsWith("X-Amz-")
                    || name.equals("Action") || name.equals("Version") || name.equals("MaxResults") || name.equals("NextToken");
            if (name.matches("NetworkInterfaceId\\.\\d{1,4}")) {
                throw Ec2Front.Ec2Exception.client("InvalidNetworkInterfaceID.NotFound",
                        "The networkInterface ID '" + parameters.get(name) + "' does not exist");
            }
            if (!known) {
                throw Ec2Front.Ec2Exception.unknownParameter(name);
            }
        }
        Xml xml = new Xml().openWithNamespace(ACTION + "Response", Ec2SecurityGroups.NAMESPACE)
                .element("requestId", requestId).empty("networkInterfaceSet");
        return new QueryFront.Response(200, xml.close(ACTION + "Response").toString());
    }
}
