package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.testing.ReactorApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * sample-app's {@code BootstrappedApp} (aws-cdk-lib's DefaultStackSynthesizer) synthesized by running
 * its main class as the CDK CLI does ({@code CDK_OUTDIR}), without lookups: its SSM lookup stays
 * missing, which leaves the roles, buckets and versions of the manifest as they are. One jsii run.
 */
final class BootstrappedAppAssembly {

    static final String MAIN_CLASS = "io.cdkj.sample.BootstrappedApp";

    private BootstrappedAppAssembly() {
    }

    static CloudAssembly synthesize(Path directory) throws IOException, InterruptedException {
        Path out = directory.resolve("cdk.out");
        Path log = directory.resolve("synth.log");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ReactorApps.sampleApp(MAIN_CLASS))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CDK_OUTDIR", out.toString());
        builder.environment().put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(MAIN_CLASS + " did not synthesize: " + Files.readString(log));
        }
        return new AssemblyReader().read(out);
    }
}
