package io.elbreconcile.model;

/**
 * Access logging. Bucket, prefix and interval are null when not set; they matter only when enabled.
 *
 * @param emitInterval minutes, 5 or 60
 */
public record AccessLog(boolean enabled, String s3BucketName, Integer emitInterval, String s3BucketPrefix) {

    public static AccessLog disabled() {
        return new AccessLog(false, null, null, null);
    }
}
