package io.elbreconcile.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RootCommand.class.getPackage().getImplementationVersion();
        return new String[] {"elb-reconcile " + (version == null ? "development" : version),
                "Java " + System.getProperty("java.version")};
    }
}
