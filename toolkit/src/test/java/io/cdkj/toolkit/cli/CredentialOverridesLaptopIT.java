package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.LaptopProfiles;
import io.cdkj.localaws.LaptopProfiles.Account;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.Launcher;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-stack credentials ({@code cdkj:credentials}) through the real {@code bin/cdkj} with
 * {@code sample-app}: a laptop with role profiles, two of them in the prod account (a deployer and a
 * break-glass admin), so discovery alone is ambiguous there. The app's {@code cdk.json} gives
 * {@code prodSampleApp} its own profile and every stack ({@code "*"}) the {@code profile} plugin; the
 * app is synthesized (lookups included) and deployed once, and the tests check which level decided.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({MotoExtension.class, SecretGuard.class})
class CredentialOverridesLaptopIT {

    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;

    private MotoServer moto;
    private Path work;
    private Path project;
    private LaptopProfiles.Shell laptop;
    private Launcher.Result synth;
    private Launcher.Result deploy;

    @BeforeAll
    void synthesizeAndDeployWithOverrides(MotoServer moto) throws Exception {
        this.moto = moto;
        moto.reset();
        Walkthrough.seed(moto);
        work = Files.createTempDirectory("cdkj-overrides-");
        laptop = LaptopProfiles.writeRoles(work.resolve("home"), moto, List.of(new Account("dev-deploy", DEV, "deployer"),
                new Account("prod-deploy", PROD, "deployer"), new Account("prod-admin", PROD, "BreakGlassAdmin")),
                "us-east-1");
        laptop.secrets().forEach(SecretGuard::register);
        project = Files.createDirectories(work.resolve("sample-app"));
        String app = ReactorApps.sampleApp("io.cdkj.sample.SampleApp").replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(project.resolve("cdk.json"), "{\"app\": \"" + app + "\", \"context\": {\"cdkj:credentials\": {"
                + "\"prodSampleApp\": {\"profile\": \"prod-admin\"}, \"*\": {\"plugin\": [\"profile\"]}}}}\n");

        synth = Launcher.run(project, laptop.environment(), 600, "synth", "--quiet");
        deploy = Launcher.run(project, laptop.environment(), 600, "deploy", "--all", "--app", "cdk.out");
    }

    @Test
    void synth_lookupsRunWithEachStacksOwnSettings() throws Exception {
        assertThat(synth.exitCode()).as(synth.all()).isZero();
        assertThat(Files.readString(project.resolve("cdk.out/devSampleApp.template.json")))
                .contains("hello from dev (" + DEV + ")");
        assertThat(Files.readString(project.resolve("cdk.out/prodSampleApp.template.json")))
                .contains("hello from prod (" + PROD + ")");
    }

    @Test
    void deploy_eachStackInItsOwnAccount() {
        assertThat(deploy.exitCode()).as(deploy.all()).isZero();
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", "/cdkj/sample/deployed-message"))
                .contains("hello from dev (" + DEV + ")");
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", "/cdkj/sample/deployed-message"))
                .contains("hello from prod (" + PROD + ")");
    }

    @Test
    void credentialsAll_showsWhichLevelDecided_andTheAppEntryBeatsThePluginFlag() throws Exception {
        Launcher.Result result = Launcher.run(project, laptop.environment(), 300,
                "credentials", "--all", "--mode", "write", "--plugin", "assume-role", "--app", "cdk.out");

        assertThat(result.exitCode()).as(result.all()).isZero();
        List<String> rows = result.out().lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
        int dev = rows.indexOf("devSampleApp (write)");
        int prod = rows.indexOf("prodSampleApp (write)");
        assertThat(dev).isNotNegative();
        assertThat(prod).isGreaterThan(dev);
        assertThat(rows.subList(dev, prod)).contains(
                "Profile: (the toolkit's) — from the toolkit default (--profile, \"profile\" in cdk.json, else AWS_PROFILE)",
                "Plugins: profile — from cdkj:credentials \"*\" (the app's entry)",
                "Source: plugin profile",
                "Acting as: arn:aws:sts::" + DEV + ":assumed-role/deployer/laptop");
        assertThat(rows.subList(prod, rows.size())).contains(
                "Profile: prod-admin — from cdkj:credentials \"prodSampleApp\" (the stack's own entry)",
                "Plugins: profile — from cdkj:credentials \"*\" (the app's entry)",
                "Source: default identity arn:aws:sts::" + PROD + ":assumed-role/BreakGlassAdmin/laptop");
    }

    @Test
    void withoutTheOverride_prodIsAmbiguous() throws Exception {
        Path plain = Files.createDirectories(work.resolve("no-overrides"));

        Launcher.Result result = Launcher.run(plain, laptop.environment(), 300, "credentials", "--all", "--mode", "write",
                "--plugin", "profile", "--app", project.resolve("cdk.out").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("2 AWS profiles act in account " + PROD + " and the write role pattern "
                + "(profile:writeRolePattern 'Admin|PowerUser|Deploy') matches 2 of them: prod-admin (role_arn, role "
                + "BreakGlassAdmin), prod-deploy (role_arn, role deployer)");
    }
}
