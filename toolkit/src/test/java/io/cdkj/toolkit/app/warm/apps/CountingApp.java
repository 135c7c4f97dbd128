package io.cdkj.toolkit.app.warm.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in app: writes its pid, how often main ran in this JVM, its args and the context it read. */
public final class CountingApp {

    private static int runs;

    private CountingApp() {
    }

    public static void main(String[] args) throws IOException {
        runs++;
        String contextFile = System.getenv("CONTEXT_OVERFLOW_LOCATION_ENV");
        String context = contextFile == null ? System.getenv("CDK_CONTEXT_JSON") : Files.readString(Path.of(contextFile));
        System.out.println("counting app run " + runs);
        System.err.println("counting app stderr " + runs);
        Files.writeString(Path.of(System.getenv("CDK_OUTDIR")).resolve("run.txt"),
                ProcessHandle.current().pid() + "\n" + runs + "\n" + String.join(",", args) + "\n" + context);
    }
}
