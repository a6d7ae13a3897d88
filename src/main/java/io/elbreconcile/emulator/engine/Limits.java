package io.elbreconcile.emulator.engine;

import java.util.List;

/**
 * Quotas the emulator enforces and reports through DescribeAccountLimits. AWS's default of 20
 * load balancers per region is deliberately raised: the reconciler is benchmarked with thousands
 * (PRODUCT.md section 9). Tags use the user guide's 50 (reference 6.4); policies have no
 * documented quota, so 100 is our choice.
 */
public final class Limits {
    public static final int LOAD_BALANCERS = 10_000;
    public static final int LISTENERS = 100;
    public static final int REGISTERED_INSTANCES = 1_000;
    public static final int POLICIES = 100;
    public static final int TAGS = 50;
    public static final int MAX_PAGE_SIZE = 400;
    public static final int MAX_NAMES_PER_CALL = 20;

    /** One reported quota. */
    public record Limit(String name, String max) {
    }

    private Limits() {
    }

    public static Paging.Page<Limit> describe(String marker, Integer pageSize) {
        List<Limit> all = List.of(
                new Limit("classic-listeners", Integer.toString(LISTENERS)),
                new Limit("classic-load-balancers", Integer.toString(LOAD_BALANCERS)),
                new Limit("classic-registered-instances", Integer.toString(REGISTERED_INSTANCES)));
        return Paging.page(all, Limit::name, marker, pageSize);
    }
}
