package io.cdkj.toolkit.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The real Node CDK CLI, as pinned in {@code bench/package.json}, for tests that compare cdkj's output
 * with it. {@link #require()} installs it into {@code bench/node_modules} with {@code npm ci} when it is
 * not there yet, and skips the calling test (with the reason) only when {@code npm} is not on PATH.
 * Runs are separate processes with an environment of the test's choosing (no version check, no
 * telemetry), or as a caller against a local endpoint (the credentials never reach the test's output).
 * Thread-safe.
 */
public final class NodeCdkCli {

    /** What one run produced. */
    public record Run(int exitCode, String stdout, String stderr) {
        /** Both streams, for failure messages. */
        public String output() {
            return stdout + stderr;
        }
    }

    private static final long TIMEOUT_MINUTES = 20;
    /** Set to 1 (CI does) to fail, not skip, the comparisons when npm is missing. */
    public static final String REQUIRE_VARIABLE = "CDKJ_REQUIRE_NODE_CLI";

    private final Path cdk;

    private NodeCdkCli(Path cdk) {
        this.cdk = cdk;
    }

    /** The pinned Node CLI; skips the test when npm (and so the CLI) is not available, unless {@value #REQUIRE_VARIABLE} is 1. */
    public static synchronized NodeCdkCli require() {
        Path bench = ReactorApps.repositoryRoot().resolve("bench");
        Path cdk = bench.resolve("node_modules/.bin/cdk");
        if (!Files.isExecutable(cdk)) {
            Optional<Path> npm = onPath("npm");
            if (npm.isEmpty() && "1".equals(System.getenv(REQUIRE_VARIABLE))) {
                throw new IllegalStateException(REQUIRE_VARIABLE + "=1 but npm is not on PATH: the comparison with the"
                        + " Node CDK CLI (bench/package.json) must run here; install npm");
            }
            assumeThat(npm).as("npm is not on PATH, so the Node CDK CLI (bench/package.json) cannot be installed:"
                    + " skipping the comparison with it").isPresent();
            Run install = run(List.of(npm.get().toString(), "ci", "--prefix", bench.toString(), "--no-audit",
                    "--no-fund"), bench, Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home")));
            if (install.exitCode() != 0 || !Files.isExecutable(cdk)) {
                throw new IllegalStateException("npm ci in " + bench + " failed (exit " + install.exitCode() + "):\n"
                        + install.output());
            }
        }
        return new NodeCdkCli(cdk);
    }

    /**
     * The Node CLI's own description of its commands and options ({@code globalOptions} and
     * {@code commands}, each option with its {@code type}, {@code alias} and {@code default}), as
     * the installed package ships it.
     */
    public Path optionRegistry() {
        return cdk.getParent().getParent().resolve("aws-cdk/lib/cli/cli-type-registry.json");
    }

    /** {@link #require()}, under the name the bootstrap tests use. */
    public static NodeCdkCli installed() {
        return require();
    }

    /** The same as {@link #assumeRolePlugin()}. */
    public static Path benchPlugin() {
        return assumeRolePlugin();
    }

    /** The bench's Node CLI equivalent of cdkj's assume-role plugin ({@code --plugin FILE}). */
    public static Path assumeRolePlugin() {
        return ReactorApps.repositoryRoot().resolve("bench/assume-role-plugin.js");
    }

    /**
     * Runs {@code cdk ARGS} in {@code directory}; {@code environment} is all it gets besides PATH,
     * HOME and the switches that keep it offline and quiet.
     */
    public Run run(Path directory, Map<String, String> environment, String... args) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", directory.toString());
        env.put("CDK_DISABLE_VERSION_CHECK", "1");
        env.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        env.put("DO_NOT_TRACK", "1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        env.putAll(environment);
        List<String> command = new ArrayList<>();
        command.add(cdk.toString());
        command.addAll(List.of(args));
        return run(command, directory, env);
    }

    /**
     * Runs {@code cdk --no-notices --ci ARGS} in {@code directory} as {@code caller} against a local endpoint,
     * in the test's own environment without its {@code AWS_} variables.
     *
     * <p>The endpoint is given as {@code http://localhost:PORT}: moto resolves a stack's TemplateURL
     * (nested stacks, large templates) only for hosts named localhost or amazonaws.com (moto gap), and the
     * Node CLI builds those URLs from the S3 endpoint it uses.
     */
    public Run run(Path directory, int endpointPort, String region, AwsSessionCredentials caller, String... args) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:" + endpointPort,
                "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", caller.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", caller.secretAccessKey(),
                "AWS_SESSION_TOKEN", caller.sessionToken(),
                "CDK_DISABLE_VERSION_CHECK", "1",
                "CDK_DISABLE_CLI_TELEMETRY", "true",
                "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"));
        List<String> command = new ArrayList<>(List.of(cdk.toString(), "--no-notices", "--ci"));
        command.addAll(List.of(args));
        return run(command, directory, env);
    }

    private static Run run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("node-cdk-", ".out");
            Path errors = Files.createTempFile("node-cdk-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(log.toFile()).redirectError(errors.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().clear();
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish in " + TIMEOUT_MINUTES + " minutes");
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
