package io.elbreconcile.model;

/** The two cookie stickiness policy kinds this product manages, with their AWS names. */
public enum PolicyKind {
    LB_COOKIE("LBCookieStickinessPolicy", "LBCookieStickinessPolicyType"),
    APP_COOKIE("AppCookieStickinessPolicy", "AppCookieStickinessPolicyType");

    private final String documentKind;
    private final String awsTypeName;

    PolicyKind(String documentKind, String awsTypeName) {
        this.documentKind = documentKind;
        this.awsTypeName = awsTypeName;
    }

    /** The YAML {@code kind} and the address prefix. */
    public String documentKind() {
        return documentKind;
    }

    /** The {@code PolicyTypeName} AWS reports in DescribeLoadBalancerPolicies. */
    public String awsTypeName() {
        return awsTypeName;
    }
}
