package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;

/** The {@code cdkj} entry point: runs the CLI against the real process and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CdkjCli.execute(args, Io.system()));
    }
}
