package io.elbreconcile.emulator.engine;

import java.util.regex.Pattern;

/** Name rules the service enforces but the model does not carry (reference 6.1). */
public final class Names {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    private Names() {
    }

    public static void checkLoadBalancerName(String name) {
        if (name.length() > 32) {
            throw EngineError.LOAD_BALANCER_NAME_TOO_LONG.exception();
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw EngineError.LOAD_BALANCER_NAME_CHARACTERS.exception();
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw EngineError.LOAD_BALANCER_NAME_HYPHEN.exception();
        }
    }

    public static void checkPolicyName(String name) {
        if (!ALLOWED.matcher(name).matches()) {
            throw EngineError.POLICY_NAME_CHARACTERS.exception();
        }
    }
}
