package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;

/**
 * The {@code cdkj} entry point: runs the CLI against the real process and exits with its code. A
 * signal that stops the process before the command is over (Ctrl-C) still ends with one
 * {@link InterruptNotice} line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        InterruptNotice.install(io.err());
        int exitCode = CdkjCli.execute(args, io);
        InterruptNotice.finished();
        System.exit(exitCode);
    }
}
