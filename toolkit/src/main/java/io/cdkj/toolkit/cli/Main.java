package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;

/**
 * The {@code cdkj} entry point: runs the CLI against the real process ({@link ProcessStreams}: results
 * alone on standard output, secrets masked on standard error) and exits with its code. A signal that
 * stops the process before the command is over (Ctrl-C) still ends with one {@link InterruptNotice}
 * line; a plugin's {@code System.exit} ends it with the plugin error
 * ({@link io.cdkj.toolkit.plugins.PluginExitWatch}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Io io = ProcessStreams.install();
        InterruptNotice.install(io.err());
        int exitCode = CdkjCli.execute(args, io);
        InterruptNotice.finished();
        System.exit(exitCode);
    }
}
