package io.elbreconcile.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit the build wrote into {@code build.properties}: "unknown" for a
 * commit the build could not read (a source tarball, no git), and for a build that did not filter
 * the file at all (an IDE compiling the sources itself).
 */
public final class VersionProvider implements IVersionProvider {

    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {"elb-reconcile " + filled(build, "version") + " (commit " + filled(build, "commit") + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"};
    }

    private static String filled(Properties build, String key) {
        String value = build.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
