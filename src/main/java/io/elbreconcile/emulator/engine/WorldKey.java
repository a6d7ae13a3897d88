package io.elbreconcile.emulator.engine;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which world a request reaches: AWS keeps every account's load balancers apart per region. The
 * account is {@link #DEFAULT_ACCOUNT} until the emulator learns who the caller is (STS).
 */
public record WorldKey(String account, String region) implements Comparable<WorldKey> {

    /** The account every request acts for while the emulator has no STS. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private static final Comparator<WorldKey> ORDER = Comparator.comparing(WorldKey::account)
            .thenComparing(WorldKey::region);

    public WorldKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static WorldKey of(String region) {
        return new WorldKey(DEFAULT_ACCOUNT, region);
    }

    @Override
    public int compareTo(WorldKey other) {
        return ORDER.compare(this, other);
    }
}
