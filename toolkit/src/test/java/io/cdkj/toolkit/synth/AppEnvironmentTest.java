package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * What the app sees, through {@code cdkj synth}: the shell "app" records its environment and context
 * and then copies a prebuilt assembly. {@code CDK_DEFAULT_ACCOUNT} costs one GetCallerIdentity the
 * first time an access key is seen and none afterwards — also in the next process, through the cache
 * in the home directory — and none for a web identity role; {@code --region} (before or after the
 * command, or cdk.json's {@code "region"}) is the default region; the version reporting and metadata
 * switches reach the app's context as the Node CLI passes them, the command line over cdk.json.
 */
@ExtendWith(MotoExtension.class)
class AppEnvironmentTest {

    private static final String SHARED = "222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    static Path fixture;

    private static MotoServer moto;
    private static String copyAssembly;

    @BeforeAll
    static void start(MotoServer server) throws IOException {
        moto = server;
        copyAssembly = FixtureAssembly.write(fixture, false);
    }

    @Test
    void defaultAccount_learnedOncePerAccessKeyAndCachedAcrossRunsWithoutTheKey() throws IOException {
        AwsSessionCredentials caller = moto.callerIn(SHARED);
        AwsCallLog.global().reset();

        JsonNode first = synth(caller);
        long firstCalls = AwsCallLog.global().count("Sts", "GetCallerIdentity");
        JsonNode second = synth(caller);

        assertThat(first.path("CDK_DEFAULT_ACCOUNT").asText()).isEqualTo(SHARED);
        assertThat(second.path("CDK_DEFAULT_ACCOUNT").asText()).isEqualTo(SHARED);
        assertThat(firstCalls).as("first run").isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity")).as("second run: from the cache").isEqualTo(1);
        Path cache = home.resolve(".cdkj/cache/default-accounts.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
        assertThat(Files.readString(cache)).contains(SHARED).doesNotContain(caller.accessKeyId());

        AwsSessionCredentials other = moto.callerIn(SHARED, "another-role");
        AwsCallLog.global().reset();
        assertThat(synth(other).path("CDK_DEFAULT_ACCOUNT").asText()).isEqualTo(SHARED);
        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity")).as("a new key").isEqualTo(1);
    }

    @Test
    void defaultAccount_webIdentityRole_namesTheAccountWithoutAnAwsCall() throws IOException {
        Path token = Files.writeString(project.resolve("token"), "not-a-real-token");
        AwsCallLog.global().reset();

        JsonNode seen;
        try (AwsSystemProperties scope = AwsSystemProperties.endpoint(moto.endpoint(), "us-east-1")) {
            seen = record(new CliHarness(project, home).env("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString())
                    .env("AWS_ROLE_ARN", "arn:aws:iam::444444444444:role/github-deploy"), "synth", "-q");
        }

        assertThat(seen.path("CDK_DEFAULT_ACCOUNT").asText()).isEqualTo("444444444444");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void defaultAccount_noCredentialsAnywhere_isUnsetAndNothingIsCalled() throws IOException {
        AwsCallLog.global().reset();

        JsonNode seen;
        try (AwsSystemProperties scope = AwsSystemProperties.endpoint(moto.endpoint(), "us-east-1")) {
            seen = record(new CliHarness(project, home), "synth", "-q");
        }

        assertThat(seen.path("CDK_DEFAULT_ACCOUNT").asText()).isEmpty();
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void region_fromTheFlagBeforeOrAfterTheCommandOverCdkJson() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"region\": \"ap-south-1\"}");
        AwsSessionCredentials caller = moto.callerIn(SHARED);

        assertThat(synth(caller).path("CDK_DEFAULT_REGION").asText()).as("cdk.json").isEqualTo("ap-south-1");
        assertThat(synth(caller, "--region", "eu-west-1").path("CDK_DEFAULT_REGION").asText()).isEqualTo("eu-west-1");
        assertThat(synthGlobalFirst(caller, "--region=eu-central-1").path("CDK_DEFAULT_REGION").asText())
                .isEqualTo("eu-central-1");
    }

    @Test
    void versionReportingAndMetadata_onByDefault_offByFlagOrCdkJson_flagWins() throws IOException {
        AwsSessionCredentials caller = moto.callerIn(SHARED);

        JsonNode defaults = synth(caller).path("context");
        Files.writeString(project.resolve("cdk.json"),
                "{\"versionReporting\": false, \"pathMetadata\": false, \"assetMetadata\": false, \"staging\": false}");
        JsonNode fromCdkJson = synth(caller).path("context");
        JsonNode flagsWin = synth(caller, "--version-reporting", "--path-metadata", "--asset-metadata", "--staging")
                .path("context");
        Files.delete(project.resolve("cdk.json"));
        JsonNode flagsOff = synth(caller, "--no-version-reporting", "--no-path-metadata", "--no-asset-metadata",
                "--no-staging").path("context");

        assertThat(defaults.path("aws:cdk:version-reporting").asBoolean()).isTrue();
        assertThat(defaults.path("aws:cdk:enable-path-metadata").asBoolean()).isTrue();
        assertThat(defaults.path("aws:cdk:enable-asset-metadata").asBoolean()).isTrue();
        assertThat(defaults.has("aws:cdk:disable-asset-staging")).isFalse();
        for (JsonNode off : List.of(fromCdkJson, flagsOff)) {
            // as the Node CLI passes them: the enabling keys absent, the disabling ones true
            assertThat(off.has("aws:cdk:version-reporting")).isFalse();
            assertThat(off.path("aws:cdk:disable-version-reporting").asBoolean()).isTrue();
            assertThat(off.has("aws:cdk:enable-path-metadata")).isFalse();
            assertThat(off.has("aws:cdk:enable-asset-metadata")).isFalse();
            assertThat(off.path("aws:cdk:disable-asset-staging").asBoolean()).isTrue();
        }
        assertThat(flagsWin.path("aws:cdk:version-reporting").asBoolean()).isTrue();
        assertThat(flagsWin.path("aws:cdk:enable-path-metadata").asBoolean()).isTrue();
        assertThat(flagsWin.has("aws:cdk:disable-version-reporting")).isFalse();
        assertThat(flagsWin.has("aws:cdk:disable-asset-staging")).isFalse();
    }

    @Test
    void telemetry_isTheOtherNameOfVersionReporting() throws IOException {
        JsonNode context = synth(moto.callerIn(SHARED), "--no-telemetry").path("context");

        assertThat(context.has("aws:cdk:version-reporting")).isFalse();
        assertThat(context.path("aws:cdk:disable-version-reporting").asBoolean()).isTrue();
    }

    private JsonNode synth(AwsSessionCredentials caller, String... flags) throws IOException {
        String[] args = new String[2 + flags.length];
        args[0] = "synth";
        args[1] = "-q";
        System.arraycopy(flags, 0, args, 2, flags.length);
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, "us-east-1")) {
            return record(new CliHarness(project, home), args);
        }
    }

    private JsonNode synthGlobalFirst(AwsSessionCredentials caller, String global) throws IOException {
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, "us-east-1")) {
            return record(new CliHarness(project, home), global, "synth", "-q");
        }
    }

    /** Runs cdkj with an app that writes what it sees to seen.json, then "synthesizes" the fixture. */
    private JsonNode record(CliHarness harness, String... args) throws IOException {
        Path seen = project.resolve("seen.json");
        Files.deleteIfExists(seen);
        String app = "printf '{\"CDK_DEFAULT_ACCOUNT\":\"%s\",\"CDK_DEFAULT_REGION\":\"%s\",\"context\":%s}' "
                + "\"$CDK_DEFAULT_ACCOUNT\" \"$CDK_DEFAULT_REGION\" \"$CDK_CONTEXT_JSON\" > '" + seen + "' && "
                + copyAssembly;
        String[] withApp = new String[args.length + 2];
        System.arraycopy(args, 0, withApp, 0, args.length);
        withApp[args.length] = "--app";
        withApp[args.length + 1] = app;
        CliHarness.Run run = harness.run(withApp);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(seen.toFile());
    }
}
