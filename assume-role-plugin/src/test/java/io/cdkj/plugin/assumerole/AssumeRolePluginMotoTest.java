package io.cdkj.plugin.assumerole;

import static io.cdkj.plugin.assumerole.Requests.DEV;
import static io.cdkj.plugin.assumerole.Requests.PROD;
import static io.cdkj.plugin.assumerole.Requests.SHARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The plugin against moto: a shared-services caller in 222222222222 assumes the lookup and deploy
 * roles in other accounts, and the credentials it gets act there.
 */
@ExtendWith(MotoExtension.class)
class AssumeRolePluginMotoTest {

    private final MotoServer moto;
    private AwsSessionCredentials callerKeys;
    private StaticCredentialsProvider caller;
    private String callerArn;
    private AssumeRolePlugin plugin;

    AssumeRolePluginMotoTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void givenSharedServicesCaller() {
        callerKeys = moto.callerIn(SHARED);
        caller = StaticCredentialsProvider.create(callerKeys);
        callerArn = "arn:aws:sts::" + SHARED + ":assumed-role/" + MotoServer.DEFAULT_CALLER_ROLE + "/cdkj-test";
        plugin = new AssumeRolePlugin();
        AwsCallLog.global().reset();
    }

    @AfterEach
    void closePlugin() {
        plugin.close();
    }

    private CredentialRequest request(String account, Mode mode, Map<String, ?> context) {
        return CredentialRequest.builder()
                .account(account).region("us-east-2").partition("aws").mode(mode)
                .configuration(Configuration.of(context, Map.of()))
                .baseCredentials(caller)
                .callerArn(callerArn)
                .build();
    }

    private static GetCallerIdentityResponse whoAmI(IdentityProvider<AwsCredentialsIdentity> credentials) {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void getProvider_readMode_assumesLookupRoleAndActsInTargetAccount() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(DEV, Mode.READ, Map.of()));

        GetCallerIdentityResponse identity = whoAmI(provider);
        assertThat(identity.account()).isEqualTo(DEV);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/cdk-readOnlyRole/cdkj-read-cdkj-test");
    }

    @Test
    void getProvider_writeMode_assumesDeployRole() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(PROD, Mode.WRITE, Map.of()));

        GetCallerIdentityResponse identity = whoAmI(provider);
        assertThat(identity.account()).isEqualTo(PROD);
        assertThat(identity.arn()).startsWith("arn:aws:sts::333333333333:assumed-role/cdk-writeRole/cdkj-write-");
    }

    @Test
    void getProvider_returnsSdkRefreshingProvider_resolvedOnceWithCallerCredentials() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(DEV, Mode.READ, Map.of()));

        assertThat(provider).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
        List<AwsCall> assumeRoles = AwsCallLog.global().calls().stream()
                .filter(call -> call.operation().equals("AssumeRole")).toList();
        assertThat(assumeRoles).as("one AssumeRole, made eagerly, signed by the caller's key").hasSize(1);
        assertThat(assumeRoles.get(0).accessKeyId()).isEqualTo(callerKeys.accessKeyId());
        assertThat(assumeRoles.get(0).region()).as("the target region's STS endpoint").isEqualTo("us-east-2");
        provider.resolveIdentity().join();
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).as("cached until near expiry").isEqualTo(1);
    }

    @Test
    void getProvider_configuredSessionNameAndAccountOverride_areUsed() {
        Map<String, Object> context = Map.of(
                "assume-role-credentials:roleSessionName", "pipeline-run-7",
                "assume-role-credentials:accounts", Map.of(PROD, Map.of("readIamRoleName", "prod-{ACCOUNT_ID}-lookup")));

        GetCallerIdentityResponse dev = whoAmI(plugin.getProvider(request(DEV, Mode.READ, context)));
        GetCallerIdentityResponse prod = whoAmI(plugin.getProvider(request(PROD, Mode.READ, context)));

        assertThat(dev.arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/cdk-readOnlyRole/pipeline-run-7");
        assertThat(prod.arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/prod-333333333333-lookup/pipeline-run-7");
    }

    @Test
    void describe_namesTheRoleAndSessionGetProviderAssumes_withoutAnyCall() {
        Map<String, Object> context = Map.of(
                "assume-role-credentials:roleSessionName", "pipeline-run-7",
                "assume-role-credentials:accounts", Map.of(PROD, Map.of("readIamRoleName", "prod-{ACCOUNT_ID}-lookup")));

        String description = plugin.describe(request(PROD, Mode.READ, context)).orElseThrow();
        assertThat(AwsCallLog.global().calls()).as("AWS calls made by describe").isEmpty();
        GetCallerIdentityResponse assumed = whoAmI(plugin.getProvider(request(PROD, Mode.READ, context)));

        assertThat(description).isEqualTo("assume arn:aws:iam::333333333333:role/prod-333333333333-lookup as session pipeline-run-7");
        assertThat(assumed.arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/prod-333333333333-lookup/pipeline-run-7");
    }

    @Test
    void getProvider_stsRegionOverride_callsThatRegionsEndpoint() {
        plugin.getProvider(request(DEV, Mode.READ, Map.of("assume-role-credentials:stsRegion", "us-west-2")));

        assertThat(AwsCallLog.global().calls()).filteredOn(call -> call.operation().equals("AssumeRole"))
                .extracting(AwsCall::region).containsExactly("us-west-2");
    }

    @Test
    void getProvider_concurrentRequests_eachActsInItsAccount() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> accounts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String account = i % 2 == 0 ? DEV : PROD;
                Mode mode = i % 4 < 2 ? Mode.READ : Mode.WRITE;
                accounts.add(threads.submit(() -> whoAmI(plugin.getProvider(request(account, mode, Map.of()))).account()));
            }
            for (int i = 0; i < accounts.size(); i++) {
                assertThat(accounts.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0 ? DEV : PROD);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void close_closesWhatItOwns_andDoubleCloseByHostIsHarmless() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(DEV, Mode.READ, Map.of()));

        plugin.close();

        assertThatCode(() -> {
            ((AutoCloseable) provider).close();
            plugin.close();
        }).doesNotThrowAnyException();
    }

    @Test
    void providerAndPlugin_toString_neverShowSecrets() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(DEV, Mode.READ, Map.of()));
        AwsSessionCredentials resolved = (AwsSessionCredentials) provider.resolveIdentity().join();

        assertThat(provider.toString() + plugin + resolved)
                .doesNotContain(resolved.secretAccessKey(), resolved.sessionToken(),
                        callerKeys.secretAccessKey(), callerKeys.sessionToken());
    }
}
