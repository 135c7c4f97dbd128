package io.cdkj.toolkit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The Node CDK CLI pinned in {@code bench/package.json} ({@code aws-cdk}), for tests that compare with
 * it or need it to prepare something. Installs it with {@code npm ci --prefix bench} when it is missing;
 * without npm the calling test is skipped, saying so. Runs it against a local endpoint with a caller's
 * credentials in its environment (they never reach the test's output).
 */
public final class NodeCdkCli {

    /** What one run printed. */
    public record Run(int exitCode, String output) {
    }

    private final Path cdk;

    private NodeCdkCli(Path cdk) {
        this.cdk = cdk;
    }

    /** The CLI, installed if needed; skips the calling test when npm is not available. */
    public static synchronized NodeCdkCli installed() {
        Path bench = ReactorApps.repositoryRoot().resolve("bench");
        Path cdk = bench.resolve("node_modules").resolve(".bin").resolve("cdk");
        if (!Files.isExecutable(cdk)) {
            Assumptions.assumeTrue(onPath("npm"), "npm is not available, so the Node CDK CLI (aws-cdk from"
                    + " bench/package.json) cannot be installed: the comparison with it is skipped");
            Run install = run(List.of("npm", "ci", "--prefix", bench.toString(), "--no-audit", "--no-fund"), bench,
                    Map.of(), 600);
            if (install.exitCode() != 0 || !Files.isExecutable(cdk)) {
                throw new IllegalStateException("npm ci --prefix bench failed:\n" + install.output());
            }
        }
        return new NodeCdkCli(cdk);
    }

    /** bench's JS equivalent of the assume-role plugin (assumes cdk-readOnlyRole / cdk-writeRole). */
    public static Path benchPlugin() {
        return ReactorApps.repositoryRoot().resolve("bench").resolve("assume-role-plugin.js");
    }

    /**
     * Runs {@code cdk ARGS} in {@code directory} as {@code caller} against {@code endpoint}.
     *
     * <p>The endpoint is given as {@code http://localhost:PORT}: moto resolves a stack's TemplateURL
     * (nested stacks, large templates) only for hosts named localhost or amazonaws.com (moto gap), and the
     * Node CLI builds those URLs from the S3 endpoint it uses.
     */
    public Run run(Path directory, int endpointPort, String region, AwsSessionCredentials caller, String... args) {
        List<String> command = new ArrayList<>(List.of(cdk.toString(), "--no-notices", "--ci"));
        command.addAll(List.of(args));
        return run(command, directory, Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:" + endpointPort,
                "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", caller.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", caller.secretAccessKey(),
                "AWS_SESSION_TOKEN", caller.sessionToken(),
                "CDK_DISABLE_VERSION_CHECK", "1",
                "CDK_DISABLE_CLI_TELEMETRY", "true",
                "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"), 900);
    }

    private static Run run(List<String> command, Path directory, Map<String, String> environment, int timeoutSeconds) {
        try {
            Path log = Files.createTempFile("cdkj-node-cdk-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " did not end within "
                        + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
