package io.elbreconcile.model;

import java.util.Objects;

/**
 * Where a plan was made: a saved plan is only ever applied to the same target.
 *
 * @param account null when unknown (the emulator, or no STS access)
 */
public record Target(String endpoint, String region, String account) {

    public Target {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
    }

    public boolean sameAs(Target other) {
        return endpoint.equals(other.endpoint) && region.equals(other.region)
                && Objects.equals(account, other.account);
    }
}
