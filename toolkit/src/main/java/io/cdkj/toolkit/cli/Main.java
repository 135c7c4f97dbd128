package io.cdkj.toolkit.cli;

/** The {@code cdkj} entry point: runs the CLI against the real process and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CdkjCli.execute(args, Io.system()));
    }
}
