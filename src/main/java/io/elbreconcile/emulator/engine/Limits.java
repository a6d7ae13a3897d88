package io.elbreconcile.emulator.engine;

import java.util.List;

/**
 * Fixed limits. The adjustable quotas DescribeAccountLimits reports live in {@link Quotas}. Tags
 * use the user guide's 50 (reference 6.4); policies have no documented quota, so 100 is our choice.
 */
public final class Limits {
    public static final int POLICIES = 100;
    public static final int TAGS = 50;
    public static final int MAX_PAGE_SIZE = 400;
    public static final int MAX_NAMES_PER_CALL = 20;

    /** One reported quota. */
    public record Limit(String name, String max) {
    }

    private Limits() {
    }

    public static Paging.Page<Limit> describe(Quotas quotas, String marker, Integer pageSize) {
        List<Limit> all = quotas.values().entrySet().stream()
                .map(e -> new Limit(e.getKey(), Integer.toString(e.getValue()))).toList();
        return Paging.page(all, Limit::name, marker, pageSize);
    }
}
