package io.elbreconcile.aws;

import software.amazon.awssdk.regions.Region;

import java.util.Set;
import java.util.stream.Collectors;

/** The AWS regions this build of the SDK knows, so that input naming another can be refused offline. */
public final class Regions {

    private Regions() {
    }

    public static Set<String> known() {
        return Region.regions().stream().filter(region -> !region.isGlobalRegion()).map(Region::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}
