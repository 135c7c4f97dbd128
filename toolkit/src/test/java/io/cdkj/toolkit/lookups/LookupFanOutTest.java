package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LatencyProxy;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.ProxyGate;
import io.cdkj.localaws.ProxyThrottle;
import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.lookups.apps.ManyAccountsApp;
import io.cdkj.toolkit.testing.SecretGuard;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A synth whose app needs one lookup in each of {@value #ACCOUNTS} accounts — more than the old limit
 * of 16 environments at a time, and more than an SDK client's default 50 connections — through the
 * CLI with the real assume-role plugin, against moto behind local-aws's {@link LatencyProxy}, which
 * counts the calls on the wire: one AssumeRole per account, and all of them in flight at once (a
 * {@link ProxyGate} holds each until every one has arrived; sequential or batched resolution would
 * leave it closed). STS throttling is answered by the proxy as STS answers it: the toolkit backs off and
 * retries within {@code CDKJ_AWS_THROTTLED_WAIT}.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupFanOutTest {

    private static final int ACCOUNTS = 60;
    /** Accounts of the throttling test: more than the old limit of 16 environments at a time. */
    private static final int THROTTLED_ACCOUNTS = 20;
    private static final String PIPELINE = "222222222222";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private MotoServer moto;
    private LatencyProxy proxy;
    private AwsSystemProperties caller;

    @BeforeAll
    void seedAccountsAndStartTheProxy(MotoServer moto) throws Exception {
        this.moto = moto;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> seeded = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                String account = ManyAccountsApp.account(i);
                seeded.add(pool.submit(() -> LocalAwsSeeder.in(moto, account, "us-east-1")
                        .ssmParameter(ManyAccountsApp.PARAMETER, "hello from " + account)));
            }
            for (Future<?> future : seeded) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        proxy = LatencyProxy.start(moto.endpoint(), Duration.ofMillis(20));
        AwsSessionCredentials pipeline = moto.callerIn(PIPELINE, "pipeline");
        SecretGuard.register(pipeline.secretAccessKey());
        SecretGuard.register(pipeline.sessionToken());
        caller = AwsSystemProperties.caller(proxy.endpoint(), pipeline);
    }

    @AfterAll
    void stop() {
        caller.close();
        proxy.close();
    }

    @Test
    void synth_lookupsInSixtyAccounts_assumeOneRoleEachAllAtOnce() throws Exception {
        // given
        proxy.reset();
        AwsCallLog.global().reset();
        ProxyGate allAtOnce = proxy.gate("sts", "AssumeRole", ACCOUNTS, Duration.ofSeconds(60));
        String app = JAVA + " -Xshare:auto -cp " + classes() + " " + ManyAccountsApp.class.getName() + " " + ACCOUNTS;

        // when
        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "assume-role", "synth", "--no-warm",
                "--app", app, "-o", work.resolve("cdk.out").toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        String context = Files.readString(work.resolve("cdk.context.json"));
        for (int i = 0; i < ACCOUNTS; i++) {
            assertThat(context).contains("hello from " + ManyAccountsApp.account(i));
        }
        var calls = proxy.calls();
        assertThat(calls.count("sts", "AssumeRole")).isEqualTo(ACCOUNTS);
        assertThat(calls.accountsFor("sts", "AssumeRole")).containsExactly(PIPELINE);
        assertThat(calls.count("ssm", "GetParameter")).isEqualTo(ACCOUNTS);
        // the default identity once, then one verification per account
        assertThat(calls.count("sts", "GetCallerIdentity")).isEqualTo(ACCOUNTS + 1);
        assertThat(allAtOnce.opened()).as("all %d AssumeRole calls in flight together (%d arrived)", ACCOUNTS,
                allAtOnce.arrived()).isTrue();
    }

    @Test
    void synthAgain_afterTheContextWasCleared_looksTheValuesUpDuringTheAppsFirstRun() throws Exception {
        // given: a synth of three accounts, then the context cleared (as `cdkj context --clear` does)
        Path project = Files.createDirectories(work.resolve("again"));
        String app = JAVA + " -Xshare:auto -cp " + classes() + " " + ManyAccountsApp.class.getName() + " 3";
        CliHarness cli = new CliHarness(project, home);
        assertThat(cli.run("--plugin", "assume-role", "synth", "--no-warm", "--app", app).exitCode()).isZero();
        Files.delete(project.resolve("cdk.context.json"));
        proxy.reset();

        // when: this time the app's first run waits for the lookups before it writes its assembly
        CliHarness.Run run = cli.run("--plugin", "assume-role", "--verbose", "synth", "--no-warm", "--app",
                app + " " + proxy.endpoint().resolve(LatencyProxy.ADMIN + "calls"));

        // then: the app's first run saw all three lookups made while it waited; none was made twice
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Looking up 3 values of the last synth during the app's first run");
        assertThat(Files.readString(project.resolve("cdk.out/waited.txt"))).isEqualTo("true");
        assertThat(proxy.calls().count("ssm", "GetParameter")).isEqualTo(3);
        assertThat(proxy.calls().count("sts", "AssumeRole")).isEqualTo(3);
        assertThat(Files.readString(project.resolve("cdk.context.json"))).contains("hello from " + ManyAccountsApp.account(2));
    }

    @Test
    void synth_stsThrottlesAssumeRolesAfterTheSdkGaveUp_theToolkitBacksOffAndRetriesThem() throws Exception {
        // given: the SDK makes one attempt per call, so only the toolkit's own retries can ride out
        // throttling; STS throttles 3 of the plugin's AssumeRole calls (at most 3 hit one account, which
        // the toolkit's 3 retries cover)
        Path project = Files.createDirectories(work.resolve("throttled"));
        proxy.reset();
        ProxyThrottle throttle = proxy.throttle("AssumeRole", 3);
        String app = JAVA + " -Xshare:auto -cp " + classes() + " " + ManyAccountsApp.class.getName() + " " + THROTTLED_ACCOUNTS;

        // when
        CliHarness.Run run = withOneSdkAttempt(() -> new CliHarness(project, home)
                .run("--plugin", "assume-role", "synth", "--no-warm", "--app", app));

        // then: every account resolved; the throttled calls were made again, nothing else was
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(throttle.throttled()).isEqualTo(3);
        assertThat(proxy.calls().count("sts", "AssumeRole")).isEqualTo(THROTTLED_ACCOUNTS + 3);
        assertThat(proxy.calls().count("ssm", "GetParameter")).isEqualTo(THROTTLED_ACCOUNTS);
        String context = Files.readString(project.resolve("cdk.context.json"));
        for (int i = 0; i < THROTTLED_ACCOUNTS; i++) {
            assertThat(context).contains("hello from " + ManyAccountsApp.account(i));
        }
    }

    @Test
    void synth_noThrottledWait_leavesThrottlingToTheSdk() throws Exception {
        // given: CDKJ_AWS_THROTTLED_WAIT=0, and STS throttles one AssumeRole
        Path project = Files.createDirectories(work.resolve("impatient"));
        proxy.reset();
        ProxyThrottle throttle = proxy.throttle("AssumeRole", 1);
        String app = JAVA + " -Xshare:auto -cp " + classes() + " " + ManyAccountsApp.class.getName() + " 3";

        // when
        CliHarness.Run run = withOneSdkAttempt(() -> new CliHarness(project, home)
                .env("CDKJ_AWS_THROTTLED_WAIT", "0").run("--plugin", "assume-role", "synth", "--no-warm", "--app", app));

        // then: no call was made again, so one account's lookup failed (passed to the app as a transient
        // provider error, which this stand-in app does not report) and only two values were saved
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(throttle.throttled()).isEqualTo(1);
        assertThat(proxy.calls().count("sts", "AssumeRole")).isEqualTo(3);
        assertThat(proxy.calls().count("ssm", "GetParameter")).isEqualTo(2);
        String saved = Files.readString(project.resolve("cdk.context.json"));
        assertThat(saved.split("hello from ", -1)).as(saved).hasSize(3);
        assertThat(saved).doesNotContain("$providerError");
    }

    /** Runs {@code cli} with the SDK's retries off ({@code aws.maxAttempts=1}), restoring them after. */
    private static CliHarness.Run withOneSdkAttempt(Supplier<CliHarness.Run> cli) {
        String before = System.getProperty("aws.maxAttempts");
        System.setProperty("aws.maxAttempts", "1");
        try {
            return cli.get();
        } finally {
            if (before == null) {
                System.clearProperty("aws.maxAttempts");
            } else {
                System.setProperty("aws.maxAttempts", before);
            }
        }
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(ManyAccountsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
