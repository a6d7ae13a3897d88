package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A load balancer's {@code ignoreChanges}: values set when it is created and never updated after,
 * because another writer (an on-call engineer, a certificate rotator) owns them from then on.
 * The paths come from a fixed vocabulary (PRODUCT.md section 13).
 */
public record IgnoreChanges(SortedSet<String> paths) {

    public static final List<String> HEALTH_CHECK_FIELDS =
            List.of("target", "interval", "timeout", "healthyThreshold", "unhealthyThreshold");
    public static final List<String> ATTRIBUTE_NAMES =
            List.of("crossZoneLoadBalancing", "connectionDraining", "idleTimeout", "accessLog");

    private static final Pattern TAG = Pattern.compile("tags\\..+", Pattern.DOTALL);
    private static final Pattern CERTIFICATE = Pattern.compile("listeners\\.([1-9][0-9]{0,4})\\.sslCertificateId");

    public IgnoreChanges {
        paths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(paths));
        for (String path : paths) {
            if (!isKnown(path)) {
                throw new IllegalArgumentException("not an ignoreChanges path: '" + path + "'");
            }
        }
    }

    public static IgnoreChanges none() {
        return new IgnoreChanges(new TreeSet<>());
    }

    public static IgnoreChanges of(List<String> paths) {
        return new IgnoreChanges(new TreeSet<>(paths));
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Whether the path belongs to the vocabulary (a listener port must still be declared). */
    public static boolean isKnown(String path) {
        return fixedPaths().contains(path) || TAG.matcher(path).matches() || CERTIFICATE.matcher(path).matches();
    }

    /** The listener port a {@code listeners.<port>.sslCertificateId} path names, or -1. */
    public static int certificatePort(String path) {
        var matcher = CERTIFICATE.matcher(path);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Every path without a free part, plus the shapes of the others; what a did-you-mean picks from. */
    public static List<String> fixedPaths() {
        List<String> all = new ArrayList<>();
        all.add("healthCheck");
        HEALTH_CHECK_FIELDS.forEach(field -> all.add("healthCheck." + field));
        ATTRIBUTE_NAMES.forEach(name -> all.add("attributes." + name));
        all.add("securityGroups");
        return List.copyOf(all);
    }

    public boolean healthCheck() {
        return paths.contains("healthCheck");
    }

    public boolean healthCheckField(String field) {
        return healthCheck() || paths.contains("healthCheck." + field);
    }

    public boolean attribute(String name) {
        return paths.contains("attributes." + name);
    }

    public boolean tag(String key) {
        return paths.contains("tags." + key);
    }

    public boolean securityGroups() {
        return paths.contains("securityGroups");
    }

    public boolean certificate(int port) {
        return paths.contains("listeners." + port + ".sslCertificateId");
    }
}
