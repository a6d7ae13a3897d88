package io.elbreconcile.model;

import java.util.List;
import java.util.Optional;

/**
 * The input's {@code kind: Settings} document (at most one): how this tool shares load balancers
 * with other writers, and which TLS policies an audit allows.
 *
 * @param ignoreTags tag keys other tools own (cost allocation, security scanners): never added,
 *                   changed, removed or reported
 * @param allowedSslPolicies globs over the security policy an HTTPS or SSL listener may use (its
 *                           predefined {@code ELBSecurityPolicy-*} name, or {@link SecurityPolicies#CUSTOM}
 *                           for explicit protocols and ciphers); empty: every policy is allowed
 */
public record Settings(List<Glob> ignoreTags, List<Glob> allowedSslPolicies) {

    public Settings {
        ignoreTags = List.copyOf(ignoreTags);
        allowedSslPolicies = List.copyOf(allowedSslPolicies);
    }

    public Settings(List<Glob> ignoreTags) {
        this(ignoreTags, List.of());
    }

    public static Settings defaults() {
        return new Settings(List.of(), List.of());
    }

    /** Keys of AWS and of this tool are never someone else's, whatever a glob says. */
    public boolean ignoresTag(String key) {
        if (ReservedTags.isReserved(key)) {
            return false;
        }
        return ignoreTags.stream().anyMatch(glob -> glob.matches(key));
    }

    /** Whether an allow list of SSL policies is in force (absent: no restriction). */
    public boolean restrictsSslPolicies() {
        return !allowedSslPolicies.isEmpty();
    }

    /**
     * Whether a listener may use this security policy.
     *
     * @param securityPolicy a predefined policy's name, {@link SecurityPolicies#CUSTOM}, or empty
     *                       when AWS reports no SSL policy at all (never allowed by a list)
     */
    public boolean allowsSslPolicy(Optional<String> securityPolicy) {
        if (!restrictsSslPolicies()) {
            return true;
        }
        return securityPolicy.map(name -> allowedSslPolicies.stream().anyMatch(glob -> glob.matches(name))).orElse(false);
    }

    /** The allow list as written, for messages: {@code ELBSecurityPolicy-TLS-1-2-*, custom}. */
    public String allowedSslPoliciesText() {
        return String.join(", ", allowedSslPolicies.stream().map(Glob::pattern).toList());
    }
}
