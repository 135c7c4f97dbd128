package io.cdkj.toolkit.synth;

import java.nio.file.Path;

/**
 * Another process holding an assembly directory, as a concurrent {@code cdkj} run would:
 * {@code LockHolderMain DIR write|read} takes the lock, prints {@code locked}, and holds it until its
 * standard input closes.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        try (OutputDirectoryLock lock = args[1].equals("write") ? OutputDirectoryLock.forWriting(directory)
                : OutputDirectoryLock.forReading(directory)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
