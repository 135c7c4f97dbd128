package io.cdkj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The distribution archive as a user installs it: unpacked into a temporary directory outside the
 * repository, its {@code bin} on the {@code PATH}, and {@code cdkj plugins}, {@code synth} and
 * {@code deploy --all} run with {@code --plugin assume-role} in a copy of sample-app (its compiled
 * classes and its dependency jars, no reactor) from the shared-services pipeline caller against moto.
 * The java process's class path and the plugin jars are shown to lie inside the unpacked archive.
 * The steps share moto's state and the app copy, so they run in order.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Path REPO = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path ARCHIVE = Path.of(System.getProperty("cdkj.dist.archive", "target/cdkj")).toAbsolutePath();
    private static final String VERSION = System.getProperty("cdkj.dist.version", "unknown");
    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Duration APP_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path work;

    private static MotoServer moto;
    private static Path installed;
    private static Path app;
    private static Map<String, String> pipeline;

    @BeforeAll
    static void install(MotoServer server) throws Exception {
        assertThat(work.toRealPath().startsWith(REPO.toRealPath())).as("the archive is unpacked outside the repository").isFalse();
        Path tar = Files.createDirectories(work.resolve("tar"));
        Path zip = Files.createDirectories(work.resolve("zip"));
        expectSuccess(Shell.run(work, Map.of(), Duration.ofMinutes(2), "tar", "-xzf", ARCHIVE + ".tar.gz", "-C", tar.toString()));
        expectSuccess(Shell.run(work, Map.of(), Duration.ofMinutes(2), "unzip", "-q", ARCHIVE + ".zip", "-d", zip.toString()));
        installed = tar.resolve("cdkj-" + VERSION);
        app = SampleAppCopy.create(REPO.resolve("sample-app"), work.resolve("sample-app"));
        moto = server;
        moto.reset();
        Walkthrough.seed(moto);
        pipeline = pipelineEnvironment();
    }

    /** The shared-services pipeline's session (moto), as a CI job's environment holds it; its secrets are guarded. */
    private static Map<String, String> pipelineEnvironment() {
        AwsSessionCredentials session = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        SecretGuard.register(session.secretAccessKey());
        SecretGuard.register(session.sessionToken());
        SecretGuard.register(moto.rootKeys().secretAccessKey());
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", session.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", session.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", session.sessionToken());
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_REGION", Walkthrough.PROD_REGION);
        return env;
    }

    /** A user's environment: HOME in the work directory, the given bin directory first on a PATH without the repository. */
    private static Map<String, String> user(Path bin, Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        env.put("PATH", bin + File.pathSeparator + systemPathWithoutRepository());
        env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        env.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1");
        return env;
    }

    private static String systemPathWithoutRepository() {
        return String.join(File.pathSeparator, Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().startsWith(REPO))
                .toList());
    }

    private static Shell.Result cdkj(Path directory, Map<String, String> env, String... args) throws Exception {
        Shell.Result result = Shell.run(directory, env, APP_TIMEOUT, "cdkj", args);
        SecretGuard.checkOutput(result.all());
        assertThat(result.all()).as("secret-like text in the output of cdkj %s", List.of(args))
                .doesNotContainPattern(SECRET_LIKE);
        return result;
    }

    private static void expectSuccess(Shell.Result result) {
        assertThat(result.exitCode()).as("exit code; output:%n%s", result.all()).isZero();
    }

    @Test
    @Order(1)
    void archives_holdTheLauncherTheToolkitTheBundledPluginLicenseAndReadme() throws Exception {
        Path fromZip = work.resolve("zip").resolve("cdkj-" + VERSION);

        assertThat(FileTree.of(fromZip)).as("the zip holds the same files as the tar.gz").isEqualTo(FileTree.of(installed));
        for (Path root : List.of(installed, fromZip)) {
            assertThat(root.resolve("bin/cdkj")).isExecutable();
            assertThat(root.resolve("lib/toolkit-" + VERSION + ".jar")).isRegularFile();
            assertThat(FileTree.names(root.resolve("lib"))).as("no plugin on the toolkit's class path")
                    .noneMatch(name -> name.matches(".*-plugin-.*\\.jar"));
            assertThat(FileTree.names(root.resolve("plugins")))
                    .contains("assume-role-plugin-" + VERSION + ".jar", "profile-plugin-" + VERSION + ".jar")
                    .as("only the bundled plugins' own jars").allMatch(name -> name.endsWith("-plugin-" + VERSION + ".jar"));
            assertThat(root.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
            assertThat(root.resolve("README.md")).content().contains("# cdkj " + VERSION, "cdkj-" + VERSION + ".tar.gz")
                    .doesNotContain("${");
        }
    }

    @Test
    @Order(2)
    void version_throughASymlinkOnThePath_printsTheVersionAndTheCommitItWasBuiltFrom() throws Exception {
        // given: a link in another directory, as in ~/bin/cdkj -> cdkj-VERSION/bin/cdkj (relative, like ln -s ../…)
        Path links = Files.createDirectories(work.resolve("links"));
        Files.createSymbolicLink(links.resolve("cdkj"), links.relativize(installed.resolve("bin/cdkj")));
        String head = Shell.run(REPO, Map.of(), Duration.ofMinutes(1), "git", "rev-parse", "HEAD").out().strip();

        // when
        Shell.Result result = cdkj(work, user(links, Map.of()), "--version");

        // then
        expectSuccess(result);
        assertThat(result.out()).startsWith("cdkj " + VERSION + " (commit " + head);
    }

    @Test
    @Order(3)
    void plugins_classPathAndPluginJarsLieInsideTheUnpackedArchive_andTheUsersPluginDirectoriesAreSearched() throws Exception {
        // given: a (broken) jar in each place the launcher searches, and the JVM told to show its class path
        Path local = Files.write(Files.createDirectories(app.resolve("plugins")).resolve("local.jar"), new byte[] {1, 2, 3});
        Path home = Files.write(Files.createDirectories(work.resolve("home/.cdkj/plugins")).resolve("home.jar"), new byte[] {1, 2, 3});
        Path fromEnv = Files.write(work.resolve("env.jar"), new byte[] {1, 2, 3});

        // when
        Shell.Result result = cdkj(app, user(installed.resolve("bin"),
                Map.of("CDKJ_PLUGIN_PATH", fromEnv.toString(), "CDKJ_JAVA_OPTS", "-XshowSettings:properties")), "plugins");

        // then
        expectSuccess(result);
        assertThat(result.out()).as("selected by the app's cdk.json").containsPattern("assume-role\\s+available\\s+yes \\(1\\)\\s+"
                + Pattern.quote(installed.resolve("plugins/assume-role-plugin-" + VERSION + ".jar").toString()));
        assertThat(result.out()).contains("Failed to load:", "local.jar: cannot open plugin jar",
                home + ": cannot open plugin jar", fromEnv + ": cannot open plugin jar");
        List<Path> classPath = JvmSettings.classPath(result.err());
        assertThat(classPath).as("the toolkit's class path").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).startsWith(installed.resolve("lib")))
                .noneMatch(entry -> entry.toAbsolutePath().normalize().startsWith(REPO));
        Files.delete(local);
        Files.delete(home);
    }

    @Test
    @Order(4)
    void plugins_runInsideTheUnpackedDirectory_listsTheBundledPluginOnce() throws Exception {
        // ./plugins is then the bundled plugins directory itself: two plugins of one name would be an error
        Shell.Result result = cdkj(installed, user(installed.resolve("bin"), Map.of()), "plugins");

        expectSuccess(result);
        assertThat(result.out().lines().filter(line -> line.startsWith("assume-role "))).hasSize(1);
    }

    @Test
    @Order(5)
    void synth_withAssumeRole_looksUpEachStacksValuesInItsOwnAccount() throws Exception {
        Shell.Result result = cdkj(app, user(installed.resolve("bin"), pipeline), "synth", "--plugin", "assume-role");

        expectSuccess(result);
        assertThat(result.all()).contains("Successfully synthesized to");
        assertThat(app.resolve("cdk.out/devSampleApp.template.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        assertThat(app.resolve("cdk.out/prodSampleApp.template.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
        assertThat(app.resolve("cdk.context.json")).content().contains(Walkthrough.PARAMETER_NAME);
    }

    @Test
    @Order(6)
    void deployAll_withAssumeRole_deploysEachStackIntoItsOwnAccount() throws Exception {
        Shell.Result result = cdkj(app, user(installed.resolve("bin"), pipeline), "deploy", "--all", "--plugin", "assume-role");

        expectSuccess(result);
        assertThat(result.out()).contains("✅ devSampleApp deployed", "✅ prodSampleApp deployed");
        assertThat(result.err()).contains("devSampleApp | deploying to aws://111111111111/us-east-2",
                "prodSampleApp | deploying to aws://333333333333/us-east-1");
        assertThat(parameter(Walkthrough.DEV_ACCOUNT, Walkthrough.DEV_REGION))
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        assertThat(parameter(Walkthrough.PROD_ACCOUNT, Walkthrough.PROD_REGION))
                .contains(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
        assertThat(parameter(Walkthrough.SHARED_SERVICES_ACCOUNT, Walkthrough.PROD_REGION)).isEmpty();
    }

    /** The deployed parameter as the account's own caller sees it. */
    private static Optional<String> parameter(String account, String region) {
        try (SsmClient ssm = SsmClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            return Optional.of(ssm.getParameter(r -> r.name(DEPLOYED_MESSAGE)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
