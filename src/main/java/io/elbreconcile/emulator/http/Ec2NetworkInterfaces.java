package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineError;

import java.util.Map;

/**
 * EC2 {@code DescribeNetworkInterfaces} (API 2016-11-15, EC2 Query protocol), which Terraform's
 * aws_elb calls on destroy to clean up the load balancer's interfaces. The emulator runs no
 * network interfaces, so the truthful answer to any filter is an empty set; modelled interfaces
 * would only invite the detach and delete calls that follow, which nothing here could honour.
 * Filters ({@code Filter.N.Name}, {@code Filter.N.Value.M}) and paging ({@code MaxResults},
 * {@code NextToken}) are accepted; asking for interfaces by id is refused as not emulated.
 */
final class Ec2NetworkInterfaces {
    static final String ACTION = "DescribeNetworkInterfaces";

    private Ec2NetworkInterfaces() {
    }

    static QueryFront.Response answer(Map<String, String> parameters, String requestId) {
        for (String name : parameters.keySet()) {
            boolean known = name.matches("Filter\\.\\d{1,2}\\.(Name|Value\\.\\d{1,2})") || name.startsWith("X-Amz-")
                    || name.equals("Action") || name.equals("Version") || name.equals("MaxResults") || name.equals("NextToken");
            if (!known) {
                throw EngineError.UNKNOWN_PARAMETER.exception(name);
            }
        }
        Xml xml = new Xml().openWithNamespace(ACTION + "Response", Ec2SecurityGroups.NAMESPACE)
                .element("requestId", requestId).empty("networkInterfaceSet");
        return new QueryFront.Response(200, xml.close(ACTION + "Response").toString());
    }
}
