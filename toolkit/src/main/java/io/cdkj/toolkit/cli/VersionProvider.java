package io.cdkj.toolkit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the toolkit jar's manifest ({@code dev} when run from classes). Thread-safe. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CdkjCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cdkj " + (version == null ? "dev" : version)
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
