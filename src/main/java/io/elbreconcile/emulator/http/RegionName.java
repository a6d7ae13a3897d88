package io.elbreconcile.emulator.http;

/**
 * What a region name in a credential scope may look like (us-east-1, ap-southeast-4,
 * us-gov-west-1). Anything else falls back to the default region, so a client cannot make the
 * emulator keep a world under an arbitrary string.
 */
final class RegionName {
    static final String PATTERN = "[a-z]{2}(?:-[a-z]{2,10}){1,3}-\\d{1,2}";

    private RegionName() {
    }
}
