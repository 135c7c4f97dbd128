package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.testing.Scopes;
import io.cdkj.toolkit.access.RoleToAssume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.plugins.fakes.FakeAssumeRolePlugin;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The host's credential resolution against moto (and WireMock for STS refusals), with fake plugins. */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class HostCredentialsTest {

    private static final String SHARED = "222222222222";
    private static final AwsEnvironment DEV = new AwsEnvironment("111111111111", "us-east-2");
    private static final String WM_SECRET = "wiremockCallerSecret000000000000000000000";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    HostCredentialsTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void reset() {
        AwsCallLog.global().reset();
        SecretGuard.register(WireMockAws.SECRET_ACCESS_KEY);
        SecretGuard.register(WireMockAws.SESSION_TOKEN);
        SecretGuard.register(WM_SECRET);
    }

    @AfterEach
    void closeScopes() throws Exception {
        scopes.close();
    }

    private void callerFromMoto() {
        scopes.add(PipelineCaller.actAsPipeline(moto));
    }

    private WireMockAws stsOnWireMock() {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(),
                AwsBasicCredentials.create("AKIDWIREMOCKCALLER01", WM_SECRET)));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        return wireMock;
    }

    private Toolkit session(String... plugins) {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of("USER", "tester"), work, home, List.of());
        return new Toolkit(io, new ToolkitOptions(Optional.empty(), List.of(plugins), List.of(), false, false));
    }

    private static String accountOf(IdentityProvider<AwsCredentialsIdentity> provider, String region) {
        try (StsClient sts = StsClient.builder().region(Region.of(region)).credentialsProvider(provider).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void forEnvironment_fiftyConcurrentRequests_makeOneGetProviderAndOneAssumeRole() throws Exception {
        callerFromMoto();
        int before = FakeAssumeRolePlugin.GET_PROVIDER_CALLS.get();
        List<IdentityProvider<AwsCredentialsIdentity>> providers;
        try (Toolkit session = session("fake-assume")) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IdentityProvider<AwsCredentialsIdentity>>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return session.credentials().forTarget(CredentialTarget.of(DEV, Mode.READ));
                }));
            }
            start.countDown();
            providers = new ArrayList<>();
            for (Future<IdentityProvider<AwsCredentialsIdentity>> future : futures) {
                providers.add(future.get());
            }
            pool.shutdown();
        }

        assertThat(providers).allSatisfy(p -> assertThat(p).isSameAs(providers.get(0)));
        assertThat(FakeAssumeRolePlugin.GET_PROVIDER_CALLS.get() - before).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity", SHARED)).isEqualTo(1);
    }

    @Test
    void resolve_twoAccountsAndModes_oneGetCallerIdentityForTheDefaultIdentity() {
        callerFromMoto();
        try (Toolkit session = session("fake-assume")) {
            HostCredentials credentials = session.credentials().host(io.cdkj.toolkit.access.CredentialSource.DEFAULT);
            for (Mode mode : Mode.values()) {
                credentials.forTarget(CredentialTarget.of(DEV, mode));
                credentials.forTarget(CredentialTarget.of(new AwsEnvironment("333333333333", "us-east-1"), mode));
            }
            assertThat(credentials.resolve(DEV, Mode.WRITE)).isInstanceOfSatisfying(Resolution.FromPlugin.class,
                    p -> assertThat(p.verified().arn()).contains("111111111111").contains("cdk-writeRole"));
        }

        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity", SHARED)).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).isEqualTo(4);
    }

    @Test
    void close_closesEveryProviderFromPlugins() {
        callerFromMoto();
        int before = FakeAssumeRolePlugin.PROVIDERS_CLOSED.get();
        try (Toolkit session = session("fake-assume")) {
            session.credentials().forTarget(CredentialTarget.of(DEV, Mode.READ));
            session.credentials().forTarget(CredentialTarget.of(DEV, Mode.WRITE));
        }

        assertThat(FakeAssumeRolePlugin.PROVIDERS_CLOSED.get() - before).isEqualTo(2);
    }

    @Test
    void assumeOnTop_substitutesPartition_andMakesOneSessionPerRole() {
        callerFromMoto();
        RoleToAssume lookupRole = RoleToAssume.of(
                "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-lookup-role-111111111111-us-east-2",
                Optional.empty());
        try (Toolkit session = session("fake-assume")) {
            IdentityProvider<AwsCredentialsIdentity> first = session.credentials().forTarget(new CredentialTarget(DEV, Mode.READ, Optional.of(lookupRole)));
            IdentityProvider<AwsCredentialsIdentity> second = session.credentials().forTarget(new CredentialTarget(DEV, Mode.READ, Optional.of(lookupRole)));

            assertThat(second).isSameAs(first);
            assertThat(accountOf(first, "us-east-2"))
                    .startsWith("arn:aws:sts::111111111111:assumed-role/cdk-hnb659fds-lookup-role-111111111111-us-east-2/cdkj-tester");
        }
        // One AssumeRole by the pipeline (the plugin's), one by the plugin's role (the chained one).
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", "111111111111")).isEqualTo(1);
    }

    @Test
    void pluginDeniedBySts_failureNamesRoleAndCaller() {
        WireMockAws sts = stsOnWireMock();
        String callerArn = "arn:aws:sts::222222222222:assumed-role/pipeline/ci-job";
        String roleArn = "arn:aws:iam::111111111111:role/cdk-readOnlyRole";
        sts.stubGetCallerIdentity(callerArn);
        sts.stubAssumeRoleAccessDenied(roleArn, callerArn);

        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "fake-assume", "credentials", "--account",
                "111111111111", "--region", "us-east-2", "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("Error: Need to perform AWS calls for account 111111111111, but the current"
                + " credentials are for 222222222222, and none of these plugins found any: fake-assume (")
                .contains("User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }

    @Test
    void assumeOnTop_deployRoleDenied_namesRoleAccountCallerAndFix() {
        WireMockAws sts = stsOnWireMock();
        String pluginRole = "arn:aws:iam::111111111111:role/cdk-writeRole";
        String pluginArn = "arn:aws:sts::111111111111:assumed-role/cdk-writeRole/fake-assume";
        String deployRole = "arn:aws:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-2";
        sts.stubGetCallerIdentity("arn:aws:sts::222222222222:assumed-role/pipeline/ci-job");
        sts.stubAssumeRoleSuccess(pluginRole, "WMKEYDEVWRITE00001");
        sts.stubGetCallerIdentity("WMKEYDEVWRITE00001", pluginArn);
        sts.stubAssumeRoleAccessDenied(deployRole, pluginArn);

        try (Toolkit session = session("fake-assume")) {
            assertThatThrownBy(() -> session.credentials().forTarget(new CredentialTarget(DEV, Mode.WRITE,
                    Optional.of(RoleToAssume.of(deployRole.replace("arn:aws:", "arn:${AWS::Partition}:"), Optional.empty())))))
                    .isInstanceOfSatisfying(ToolkitException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS))
                    .hasMessageContaining("Could not assume role " + deployRole + " in account 111111111111 (write) as "
                            + pluginArn + " (from plugin fake-assume)")
                    .hasMessageContaining("AccessDenied")
                    .hasMessageContaining("trust policy allows");
        }
    }

    @Test
    void defaultIdentityRejectedBySts_failsNamingTheErrorAndTheSource() {
        WireMockAws sts = stsOnWireMock();
        sts.stubError("GetCallerIdentity", 403, "ExpiredToken", "The security token included in the request is expired",
                java.time.Duration.ZERO);

        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "fake-assume", "credentials", "--account",
                "111111111111", "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("Error: Could not identify the credentials from the AWS SDK default"
                + " credential chain with STS GetCallerIdentity in us-east-1: ExpiredToken: The security token included"
                + " in the request is expired. Check that they are valid and not expired.");
    }

    @Test
    void resolutionToString_neverIncludesTheProvider() {
        IdentityProvider<AwsCredentialsIdentity> provider = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                .create(AwsBasicCredentials.create("AKIDTOSTRINGTEST0001", WM_SECRET));
        CallerIdentity identity = new CallerIdentity("111111111111",
                "arn:aws:sts::111111111111:assumed-role/cdk-readOnlyRole/s");

        assertThat(new Resolution.FromPlugin("p", provider, identity, List.of()).toString()
                + new Resolution.FromDefault(provider, identity, List.of()))
                .contains("cdk-readOnlyRole").doesNotContain("AKIDTOSTRINGTEST0001").doesNotContain(WM_SECRET);
    }

    @Test
    void pluginThrowingAnError_isThatPluginsFailure_notTheHosts() {
        callerFromMoto();
        try (Toolkit session = session("fake-declining", "fake-error")) {
            assertThatThrownBy(() -> session.credentials().forTarget(CredentialTarget.of(DEV, Mode.READ)))
                    .isInstanceOf(ToolkitException.class)
                    .hasMessageContaining("fake-error (canProvideCredentials threw "
                            + io.cdkj.toolkit.plugins.fakes.ErrorPlugin.PluginError.class.getName()
                            + ": fake-error: out of memory, pretend)");
        }
    }

    @Test
    void noCredentialsConfigured_failsClosedSayingSo() {
        scopes.add(AwsSystemProperties.set(Map.of("aws.endpointUrl", moto.endpoint().toString(),
                "aws.disableEc2Metadata", "true")));
        scopes.add(AwsSystemProperties.set(java.util.Collections.singletonMap("aws.accessKeyId", null)));

        try (Toolkit session = session()) {
            assertThatThrownBy(() -> session.credentials().forTarget(CredentialTarget.of(DEV, Mode.READ)))
                    .isInstanceOf(ToolkitException.class)
                    .hasMessageStartingWith("Need to perform AWS calls for account 111111111111, but no credentials"
                            + " have been configured, and no credential plugin was selected.");
        }
    }
}
