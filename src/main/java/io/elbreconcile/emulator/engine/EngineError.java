package io.elbreconcile.emulator.engine;

/**
 * Every error the emulator puts on the wire: code, HTTP status and message template, in one place
 * (reference section 4 and table 3.3). Several constants may share a code when AWS uses one code
 * for distinct situations; the SDKs only look at the code.
 */
public enum EngineError {
    // ---- modelled errors (reference 4.1) -------------------------------------------------------
    /**
     * AWS's current wording, as DescribeLoadBalancers answers it (seen in zalando-stups/senza issue
     * 399); reference 3.2 quotes an older "There is no ACTIVE Load Balancer named '%s'".
     */
    LOAD_BALANCER_NOT_FOUND("LoadBalancerNotFound", 400, "Cannot find Load Balancer %s"),
    CERTIFICATE_NOT_FOUND("CertificateNotFound", 400,
            "The specified SSL ID '%s' does not refer to a valid SSL certificate in AWS Identity and Access Management (IAM) or AWS Certificate Manager (ACM)."),
    DUPLICATE_LOAD_BALANCER_NAME("DuplicateLoadBalancerName", 400,
            "Load Balancer named %s already exists and it is configured with different %s."),
    DUPLICATE_LISTENER("DuplicateListener", 400,
            "A listener already exists for %s with LoadBalancerPort %d, but with a different InstancePort, Protocol, or SSLCertificateId"),
    DUPLICATE_POLICY_NAME("DuplicatePolicyName", 400, "Policy Name [%s] already exists."),
    DUPLICATE_TAG_KEYS("DuplicateTagKeys", 400, "Tag key was specified more than once: %s"),
    POLICY_IN_USE("InvalidConfigurationRequest", 409,
            "You cannot delete policy [%s] since it is enabled or referred by other enabled policy."),
    POLICY_CANNOT_BE_ENABLED("InvalidConfigurationRequest", 409, "%s cannot be enabled"),
    STICKINESS_NEEDS_HTTP("InvalidConfigurationRequest", 409,
            "%s cannot be enabled: stickiness policies apply only to HTTP/HTTPS listeners, and port %d uses %s"),
    /**
     * Also for a certificate given with a plain listener at creation: PRODUCT.md section 14 wants it
     * refused. AWS itself was seen dropping it silently (hashicorp/terraform pull 3887), which makes
     * a tool's next plan differ forever; InvalidConfigurationRequest is the modelled code for both
     * create calls.
     */
    LISTENER_NOT_SECURE("InvalidConfigurationRequest", 409,
            "The listener on port %d uses %s; an SSL certificate applies only to HTTPS and SSL listeners"),
    INSTANCE_PORT_PROTOCOL_CONFLICT("InvalidConfigurationRequest", 409,
            "Listeners sending to instance port %d must all use a secure (HTTPS, SSL) or all a plain (HTTP, TCP) instance protocol: %s from port %d, %s from port %d"),
    VPC_ONLY("InvalidConfigurationRequest", 409, "%s is supported only for load balancers in a VPC"),
    NOT_FOR_VPC("InvalidConfigurationRequest", 409, "%s is not supported for load balancers in a non-default VPC; use %s"),
    LAST_ZONE("InvalidConfigurationRequest", 409, "A load balancer must keep at least one %s"),
    INVALID_ATTRIBUTE_VALUE("InvalidConfigurationRequest", 409, "Invalid value for %s: %s"),
    INVALID_POLICY_ATTRIBUTES("InvalidConfigurationRequest", 409, "%s"),
    INVALID_INSTANCE("InvalidInstance", 400, "EC2 instance %s is not valid"),
    INSTANCE_NOT_REGISTERED("InvalidInstance", 400, "Instance %s is not registered with load balancer %s"),
    INVALID_SECURITY_GROUP("InvalidSecurityGroup", 400, "One or more security groups are invalid: %s"),
    SUBNET_NOT_FOUND("SubnetNotFound", 400, "One or more subnets were not found: %s"),
    LISTENER_NOT_FOUND("ListenerNotFound", 400, "There is no ACTIVE listener on port %d of load balancer %s"),
    ATTRIBUTE_NOT_FOUND("LoadBalancerAttributeNotFound", 400, "The specified load balancer attribute does not exist: %s"),
    POLICY_NOT_FOUND("PolicyNotFound", 400, "There is no policy with name %s for load balancer %s"),
    SAMPLE_POLICY_NOT_FOUND("PolicyNotFound", 400, "There is no sample policy with name %s"),
    POLICY_TYPE_NOT_FOUND("PolicyTypeNotFound", 400, "There is no policy type with name %s"),
    TOO_MANY_LOAD_BALANCERS("TooManyLoadBalancers", 400, "Exceeded quota of account: %d load balancers"),
    TOO_MANY_POLICIES("TooManyPolicies", 400, "Exceeded quota of %d policies for load balancer %s"),
    TOO_MANY_TAGS("TooManyTags", 400, "Exceeded quota of %d tags for load balancer %s"),
    UNSUPPORTED_PROTOCOL("UnsupportedProtocol", 400, "Protocol %s is not supported; use HTTP, HTTPS, TCP or SSL"),

    // ---- name rules (reference 6.1, texts from 3.3; the hyphen text is ours) ---------------------
    LOAD_BALANCER_NAME_CHARACTERS("ValidationError", 400,
            "LoadBalancer name cannot contain characters that are not letters, or digits or the dash."),
    LOAD_BALANCER_NAME_TOO_LONG("ValidationError", 400, "LoadBalancer name cannot be longer than 32 characters"),
    LOAD_BALANCER_NAME_HYPHEN("ValidationError", 400, "LoadBalancer name cannot begin or end with a hyphen"),
    POLICY_NAME_CHARACTERS("ValidationError", 400,
            "Policy name cannot contain characters that are not letters, or digits or the dash."),
    /** Any other constraint; the argument is the whole message. */
    VALIDATION("ValidationError", 400, "%s"),

    // ---- protocol and common errors (reference 4.2) ---------------------------------------------
    MISSING_ACTION("MissingAction", 400, "The request must contain the parameter Action"),
    INVALID_ACTION("InvalidAction", 400, "The action %s is not valid for this web service."),
    WRONG_VERSION("InvalidAction", 400, "Could not find operation %s for version %s"),
    MISSING_PARAMETER("MissingParameter", 400, "The request must contain the parameter %s"),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, "Value (%s) for parameter %s is invalid: %s"),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404, "%s"),
    /**
     * A parameter the action does not take. The reference records no ELB answer for it; this is
     * the common error for a query that "does not adhere to AWS standards" (reference 4.2).
     */
    UNKNOWN_PARAMETER("InvalidQueryParameter", 400, "The parameter %s is not recognized"),
    /** A parameter given twice: AWS's code for a query that "does not adhere to AWS standards" (reference 4.2). */
    DUPLICATE_PARAMETER("InvalidQueryParameter", 400, "The parameter %s is given more than once; give it once"),
    /** AWS's answer to a request that carries neither an Authorization header nor a signature parameter. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, "Request is missing Authentication Token"),
    /** Not an AWS code: the emulator's refusal of a request sent by a web page. */
    ORIGIN_REFUSED("AccessDenied", 403,
            "Requests from web pages are refused (Origin %s); start the emulator with --allow-origin ORIGIN to accept them"),
    /** Not an AWS code: the emulator's refusal of a request naming another host (DNS rebinding). */
    HOST_REFUSED("AccessDenied", 403,
            "Requests naming host %s are refused while the emulator listens on loopback; use 127.0.0.1, [::1] or localhost"),
    /** Not an AWS code: AWS documents no answer for other methods; this one at least says what is wrong. */
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The HTTP method %s is not allowed; use POST or GET"),
    /** Not an AWS code either: a body beyond the limit is refused before it is read. */
    REQUEST_TOO_LARGE("RequestEntityTooLarge", 413, "The request body exceeds %d bytes"),
    THROTTLING("Throttling", 400, "Rate exceeded"),
    INTERNAL_FAILURE("InternalFailure", 500,
            "The request processing has failed because of an unknown error, exception or failure.");

    private final String code;
    private final int status;
    private final String template;

    EngineError(String code, int status, String template) {
        this.code = code;
        this.status = status;
        this.template = template;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Query convention: {@code Receiver} for server faults, {@code Sender} for everything else. */
    public String faultType() {
        return status >= 500 ? "Receiver" : "Sender";
    }

    public String message(Object... args) {
        return String.format(java.util.Locale.ROOT, template, args);
    }

    public EngineException exception(Object... args) {
        return new EngineException(this, message(args));
    }
}
