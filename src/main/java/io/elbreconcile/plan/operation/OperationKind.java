package io.elbreconcile.plan.operation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of plan operations: each record with the AWS API operation it calls. The AWS name
 * is what a saved plan says in a step's {@code operation} member, what step ids begin with, and
 * what the port names a call by; the plan codec reads a step back through {@link #byAwsName}.
 * A new operation is a record, a row here and a case in the SDK adapter's visitor.
 */
public enum OperationKind {
    CREATE_LOAD_BALANCER("CreateLoadBalancer", CreateLoadBalancer.class),
    DELETE_LOAD_BALANCER("DeleteLoadBalancer", DeleteLoadBalancer.class),
    CREATE_LISTENER("CreateLoadBalancerListeners", CreateListener.class),
    DELETE_LISTENER("DeleteLoadBalancerListeners", DeleteListener.class),
    SET_LISTENER_CERTIFICATE("SetLoadBalancerListenerSSLCertificate", SetListenerCertificate.class),
    CREATE_LB_COOKIE_POLICY("CreateLBCookieStickinessPolicy", CreateLbCookiePolicy.class),
    CREATE_APP_COOKIE_POLICY("CreateAppCookieStickinessPolicy", CreateAppCookiePolicy.class),
    CREATE_POLICY("CreateLoadBalancerPolicy", CreatePolicy.class),
    DELETE_POLICY("DeleteLoadBalancerPolicy", DeletePolicy.class),
    SET_LISTENER_POLICIES("SetLoadBalancerPoliciesOfListener", SetListenerPolicies.class),
    SET_BACKEND_SERVER_POLICIES("SetLoadBalancerPoliciesForBackendServer", SetBackendServerPolicies.class),
    CONFIGURE_HEALTH_CHECK("ConfigureHealthCheck", ConfigureHealthCheck.class),
    MODIFY_ATTRIBUTES("ModifyLoadBalancerAttributes", ModifyAttributes.class),
    ADD_TAGS("AddTags", AddTags.class),
    REMOVE_TAGS("RemoveTags", RemoveTags.class),
    APPLY_SECURITY_GROUPS("ApplySecurityGroupsToLoadBalancer", ApplySecurityGroups.class),
    ATTACH_SUBNETS("AttachLoadBalancerToSubnets", AttachSubnets.class),
    DETACH_SUBNETS("DetachLoadBalancerFromSubnets", DetachSubnets.class),
    ENABLE_AVAILABILITY_ZONES("EnableAvailabilityZonesForLoadBalancer", EnableAvailabilityZones.class),
    DISABLE_AVAILABILITY_ZONES("DisableAvailabilityZonesForLoadBalancer", DisableAvailabilityZones.class);

    private static final Map<String, OperationKind> BY_AWS_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OperationKind::awsName, Function.identity()));
    private static final Map<Class<? extends Operation>, OperationKind> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OperationKind::type, Function.identity()));

    private final String awsName;
    private final Class<? extends Operation> type;

    OperationKind(String awsName, Class<? extends Operation> type) {
        this.awsName = awsName;
        this.type = type;
    }

    /** The AWS API operation, e.g. {@code CreateLBCookieStickinessPolicy}. */
    public String awsName() {
        return awsName;
    }

    /** The record that holds the operation's parameters. */
    public Class<? extends Operation> type() {
        return type;
    }

    public static Optional<OperationKind> byAwsName(String awsName) {
        return Optional.ofNullable(BY_AWS_NAME.get(awsName));
    }

    public static OperationKind of(Operation operation) {
        OperationKind kind = BY_TYPE.get(operation.getClass());
        if (kind == null) {
            throw new IllegalStateException("no row in OperationKind for " + operation.getClass().getSimpleName());
        }
        return kind;
    }
}
