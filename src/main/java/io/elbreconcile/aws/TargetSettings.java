package io.elbreconcile.aws;

/**
 * Where and how to reach the ELB API, as the user gave it; every member may be absent (null, or 0
 * for the numbers) and is then resolved the way the AWS SDK and CLI do. Free of SDK types so that
 * the CLI can build it without importing the SDK.
 *
 * @param endpointUrl overrides the regional endpoint, e.g. an emulator's {@code http://127.0.0.1:4566}
 * @param region e.g. {@code eu-west-1}
 * @param profile a named profile of {@code ~/.aws/config} and {@code ~/.aws/credentials}
 * @param staticCredentials used instead of any credential chain
 * @param maxRequestsPerSecond client-side rate limit across all threads; 0 means none; negative means the
 *                             default: {@value #DEFAULT_AWS_REQUESTS_PER_SECOND} per second, none for a loopback endpoint
 * @param maxAttempts attempts per call including the first, for throttling, 5xx and connection errors;
 *        0 means {@code AWS_MAX_ATTEMPTS} or else {@value #DEFAULT_MAX_ATTEMPTS}
 */
public record TargetSettings(
        String endpointUrl,
        String region,
        String profile,
        StaticCredentials staticCredentials,
        double maxRequestsPerSecond,
        int maxAttempts) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** AWS's planning figure for the ELB API (refill 10 per second); above it an apply only collects throttling. */
    public static final double DEFAULT_AWS_REQUESTS_PER_SECOND = 10;

    /** Keys given on the command line or by a test; the secret never appears in {@link #toString()}. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        public StaticCredentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("static credentials need an access key id and a secret key");
            }
        }

        @Override
        public String toString() {
            return "StaticCredentials[" + accessKeyId + "]";
        }
    }

    public TargetSettings {
        endpointUrl = blankToNull(endpointUrl);
        region = blankToNull(region);
        profile = blankToNull(profile);
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
    }

    /** Everything from the environment: SDK default chains, no rate limit, attempts as the environment says. */
    public static TargetSettings defaults() {
        return new TargetSettings(null, null, null, null, 0, 0);
    }

    public TargetSettings withEndpointUrl(String url) {
        return new TargetSettings(url, region, profile, staticCredentials, maxRequestsPerSecond, maxAttempts);
    }

    public TargetSettings withRegion(String newRegion) {
        return new TargetSettings(endpointUrl, newRegion, profile, staticCredentials, maxRequestsPerSecond, maxAttempts);
    }

    public TargetSettings withProfile(String newProfile) {
        return new TargetSettings(endpointUrl, region, newProfile, staticCredentials, maxRequestsPerSecond, maxAttempts);
    }

    public TargetSettings withStaticCredentials(StaticCredentials credentials) {
        return new TargetSettings(endpointUrl, region, profile, credentials, maxRequestsPerSecond, maxAttempts);
    }

    public TargetSettings withMaxRequestsPerSecond(double perSecond) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, perSecond, maxAttempts);
    }

    public TargetSettings withMaxAttempts(int attempts) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, maxRequestsPerSecond, attempts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
