package io.elbreconcile.model;

import io.elbreconcile.diag.Printable;

import java.util.Optional;
import java.util.regex.Pattern;

/** AWS's naming rules (reference fact 6), checked locally before any mutating call. */
public final class Names {

    public static final int MAX_LOAD_BALANCER_NAME = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    private Names() {
    }

    /** Why {@code name} is not a valid load balancer name, or empty when it is. */
    public static Optional<String> loadBalancerNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("load balancer name must not be empty");
        }
        if (name.length() > MAX_LOAD_BALANCER_NAME) {
            return Optional.of("load balancer name " + Printable.quoted(name) + " is " + name.length()
                    + " characters; the limit is " + MAX_LOAD_BALANCER_NAME);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("load balancer name " + Printable.quoted(name) + " may contain only letters, digits and hyphens");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("load balancer name " + Printable.quoted(name) + " must not begin or end with a hyphen");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a valid policy name, or empty when it is. */
    public static Optional<String> policyNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("policy name must not be empty");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("policy name " + Printable.quoted(name) + " may contain only letters, digits and hyphens");
        }
        return Optional.empty();
    }
}
