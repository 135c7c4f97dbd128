package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The toolkit's version and the commit it was built from (see {@link BuildInfo}). Thread-safe. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"cdkj " + build.version()
                + " (" + build.describeCommit() + ", Java " + System.getProperty("java.version") + ")"};
    }
}
