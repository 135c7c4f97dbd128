package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LatencyProxy;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.ProxyGate;
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
 * leave it closed).
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupFanOutTest {

    private static final int ACCOUNTS = 60;
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

    private static Path classes() throws URISyntaxException {
        return Path.of(ManyAccountsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
