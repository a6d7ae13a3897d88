package io.elbreconcile.testing;

import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttribute;

/** Policy attributes as the SDK takes them, for tests that create policies at the emulator. */
public final class PolicyAttributes {

    private PolicyAttributes() {
    }

    public static PolicyAttribute attribute(String name, String value) {
        return PolicyAttribute.builder().attributeName(name).attributeValue(value).build();
    }
}
