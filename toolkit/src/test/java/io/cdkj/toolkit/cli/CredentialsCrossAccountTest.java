package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj credentials} explains the standard cross-account path: a stack of a bootstrapped account
 * naming its deploy and lookup roles, no plugin selected, the pipeline's own identity assuming them.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class CredentialsCrossAccountTest {

    @TempDir
    Path project;
    @TempDir
    Path home;

    @Test
    void credentials_noPluginAndManifestRoles_explainsTheDefaultIdentityAssumingThem(MotoServer moto) throws Exception {
        // given: an assembly whose stack names the bootstrap roles of 444455556666/eu-west-1
        Path assembly = Files.createDirectories(project.resolve("assembly"));
        Files.writeString(assembly.resolve("alphaService.template.json"), "{\"Resources\": {}}");
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "54.0.0", "artifacts": {"alphaService": {"type": "aws:cloudformation:stack",
                  "environment": "aws://444455556666/eu-west-1",
                  "properties": {"templateFile": "alphaService.template.json",
                    "assumeRoleArn": "arn:${AWS::Partition}:iam::444455556666:role/cdk-hnb659fds-deploy-role-444455556666-eu-west-1",
                    "lookupRole": {"arn": "arn:${AWS::Partition}:iam::444455556666:role/cdk-hnb659fds-lookup-role-444455556666-eu-west-1"}}}}}
                """);

        // when
        CliHarness.Run run;
        try (var pipeline = PipelineCaller.actAsPipeline(moto)) {
            run = new CliHarness(project, home).run("credentials", "--all", "--app", "assembly");
        }

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no plugin gave credentials for account 444455556666, so it assumes the manifest"
                        + " role itself — the standard cross-account path into accounts bootstrapped with --trust 222222222222")
                .contains("arn:aws:iam::444455556666:role/cdk-hnb659fds-deploy-role-444455556666-eu-west-1",
                        "arn:aws:iam::444455556666:role/cdk-hnb659fds-lookup-role-444455556666-eu-west-1")
                .doesNotContain("Need to perform AWS calls");
    }
}
