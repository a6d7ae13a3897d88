package io.elbreconcile.emulator.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A policy of one load balancer: name, policy type name and attributes in the order given. */
public record PolicyState(String name, String typeName, List<PolicyAttribute> attributes) {

    public static final String LB_COOKIE_TYPE = "LBCookieStickinessPolicyType";
    public static final String APP_COOKIE_TYPE = "AppCookieStickinessPolicyType";

    public PolicyState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
        attributes = List.copyOf(attributes);
    }

    public Optional<String> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).map(PolicyAttribute::value).findFirst();
    }

    public boolean stickiness() {
        return typeName.equals(LB_COOKIE_TYPE) || typeName.equals(APP_COOKIE_TYPE);
    }
}
