package io.elbreconcile.aws;

import java.time.Duration;

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
 * @param callTimeout the longest one call may take, its retries and back-off included; null means
 *        {@link #DEFAULT_CALL_TIMEOUT}
 * @param role an IAM role assumed through STS (at the same endpoint override, if any) with the credentials
 *        above as the base; null for none
 */
public record TargetSettings(
        String endpointUrl,
        String region,
        String profile,
        StaticCredentials staticCredentials,
        double maxRequestsPerSecond,
        int maxAttempts,
        Duration callTimeout,
        AssumedRole role) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** AWS's planning figure for the ELB API (refill 10 per second); above it an apply only collects throttling. */
    public static final double DEFAULT_AWS_REQUESTS_PER_SECOND = 10;
    /**
     * A silent or unreachable endpoint must end a command within a minute (PRODUCT.md section 11):
     * one call's whole budget, leaving room for start-up and the reply's processing. An ELB call
     * that answers at all answers in seconds, retries included.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(45);

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

    /** A role to assume: its ARN and, when the role's trust policy requires one, the external id. */
    public record AssumedRole(String roleArn, String externalId) {
        public AssumedRole {
            if (roleArn == null || roleArn.isBlank()) {
                throw new IllegalArgumentException("a role to assume needs its ARN");
            }
        }
    }

    public TargetSettings {
        endpointUrl = blankToNull(endpointUrl);
        region = blankToNull(region);
        profile = blankToNull(profile);
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
        if (callTimeout != null && (callTimeout.isNegative() || callTimeout.isZero())) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
    }

    /** Everything from the environment: SDK default chains, no rate limit, attempts as the environment says. */
    public static TargetSettings defaults() {
        return new TargetSettings(null, null, null, null, 0, 0, null, null);
    }

    public TargetSettings withEndpointUrl(String url) {
        return new TargetSettings(url, region, profile, staticCredentials, maxRequestsPerSecond, maxAttempts, callTimeout, role);
    }

    public TargetSettings withRegion(String newRegion) {
        return new TargetSettings(endpointUrl, newRegion, profile, staticCredentials, maxRequestsPerSecond, maxAttempts, callTimeout, role);
    }

    public TargetSettings withProfile(String newProfile) {
        return new TargetSettings(endpointUrl, region, newProfile, staticCredentials, maxRequestsPerSecond, maxAttempts, callTimeout, role);
    }

    public TargetSettings withStaticCredentials(StaticCredentials credentials) {
        return new TargetSettings(endpointUrl, region, profile, credentials, maxRequestsPerSecond, maxAttempts, callTimeout, role);
    }

    public TargetSettings withMaxRequestsPerSecond(double perSecond) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, perSecond, maxAttempts, callTimeout, role);
    }

    public TargetSettings withMaxAttempts(int attempts) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, maxRequestsPerSecond, attempts, callTimeout, role);
    }

    public TargetSettings withCallTimeout(Duration timeout) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, maxRequestsPerSecond, maxAttempts, timeout, role);
    }

    public TargetSettings withRole(AssumedRole assumed) {
        return new TargetSettings(endpointUrl, region, profile, staticCredentials, maxRequestsPerSecond, maxAttempts, callTimeout, assumed);
    }

    /** The call timeout asked for, or the default. */
    public Duration effectiveCallTimeout() {
        return callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
