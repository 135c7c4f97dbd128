package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.LaptopProfiles;
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
 * The two-account {@code sample-app} synthesized and deployed through the real {@code bin/cdkj} with
 * {@code --plugin profile} from a "laptop": a HOME whose {@code ~/.aws/config} has one profile per
 * account, a {@code cdk.json} with nothing but the app command, no credentials in the environment.
 * Each subclass writes one kind of laptop; the app is synthesized (with its SSM and VPC lookups in each
 * account) and deployed once per class, and the tests check where everything happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({MotoExtension.class, SecretGuard.class})
abstract class LaptopDeployScenario {

    static final String DEV = Walkthrough.DEV_ACCOUNT;
    static final String PROD = Walkthrough.PROD_ACCOUNT;
    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";

    protected MotoServer moto;
    protected Path project;
    protected LaptopProfiles.Shell laptop;
    private Launcher.Result synth;
    private Launcher.Result deploy;

    /** Writes the laptop's {@code ~/.aws} under {@code home}. */
    abstract LaptopProfiles.Shell writeLaptop(Path home) throws Exception;

    @BeforeAll
    void synthesizeAndDeployFromTheLaptop(MotoServer moto) throws Exception {
        this.moto = moto;
        moto.reset();
        Walkthrough.seed(moto);
        Path work = Files.createTempDirectory("cdkj-laptop-");
        laptop = writeLaptop(work.resolve("home"));
        laptop.secrets().forEach(SecretGuard::register);
        project = Files.createDirectories(work.resolve("sample-app"));
        String app = ReactorApps.sampleApp("io.cdkj.sample.SampleApp");
        Files.writeString(project.resolve("cdk.json"),
                "{\"app\": \"" + app.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n");

        synth = Launcher.run(project, laptop.environment(), 600, "synth", "--plugin", "profile", "--quiet");
        deploy = Launcher.run(project, laptop.environment(), 600, "deploy", "--all", "--plugin", "profile", "--app", "cdk.out");
    }

    @Test
    void synth_looksUpEachStacksValuesInItsOwnAccount() throws Exception {
        assertThat(synth.exitCode()).as(synth.all()).isZero();
        assertThat(Files.readString(project.resolve("cdk.out/devSampleApp.template.json")))
                .contains("hello from dev (" + DEV + ")");
        assertThat(Files.readString(project.resolve("cdk.out/prodSampleApp.template.json")))
                .contains("hello from prod (" + PROD + ")");
    }

    @Test
    void deploy_putsEachStackIntoItsOwnAccount() {
        assertThat(deploy.exitCode()).as(deploy.all()).isZero();
        assertThat(deploy.all()).contains("devSampleApp | deploying to aws://" + DEV + "/us-east-2",
                "prodSampleApp | deploying to aws://" + PROD + "/us-east-1");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).contains("hello from dev (" + DEV + ")");
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", DEPLOYED_MESSAGE)).contains("hello from prod (" + PROD + ")");
    }

    @Test
    void credentials_all_showsEachStackServedByThePluginInItsAccount() throws Exception {
        Launcher.Result result = Launcher.run(project, laptop.environment(), 300,
                "credentials", "--all", "--plugin", "profile", "--app", "cdk.out");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("devSampleApp (read)", "devSampleApp (write)", "prodSampleApp (read)",
                "prodSampleApp (write)");
        List<String> rows = result.out().lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
        assertThat(rows.stream().filter(row -> row.startsWith("Source:")))
                .as("every stack and mode served by the plugin").containsExactly(
                        "Source: plugin profile", "Source: plugin profile", "Source: plugin profile", "Source: plugin profile");
        assertThat(rows.stream().filter(row -> row.startsWith("Resulting account:"))).containsExactly(
                "Resulting account: " + DEV, "Resulting account: " + DEV, "Resulting account: " + PROD,
                "Resulting account: " + PROD);
    }
}
