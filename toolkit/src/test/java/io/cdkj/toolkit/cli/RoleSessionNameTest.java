package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CDK_ROLE_SESSION_NAME} names the session of the role cdkj assumes on top (the stack's
 * {@code assumeRoleArn}), as in the Node CDK CLI, seen through {@code cdkj credentials --dry-run}
 * (no AWS call); a value STS would reject fails before anything is tried.
 */
class RoleSessionNameTest {

    private static final String ROLE = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-deploy-role";

    @TempDir
    static Path assembly;
    @TempDir
    Path project;

    @BeforeAll
    static void writeAssembly() throws IOException {
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "44.0.0", "artifacts": {"Dev": {"type": "aws:cloudformation:stack",
                  "environment": "aws://111111111111/us-east-2",
                  "properties": {"templateFile": "Dev.template.json", "assumeRoleArn": "%s"}}}}""".formatted(ROLE));
        Files.writeString(assembly.resolve("Dev.template.json"), "{\"Resources\": {}}");
    }

    @Test
    void credentials_withCdkRoleSessionName_assumesTheManifestRoleUnderThatName() {
        CliHarness.Run run = new CliHarness(project, project).env("CDK_ROLE_SESSION_NAME", "release-42@pipeline")
                .run("credentials", "--dry-run", "--mode", "write", "--format", "json", "--app", assembly.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"manifestRoleSessionName\" : \"release-42@pipeline\"")
                .contains("cdk-hnb659fds-deploy-role");
    }

    @Test
    void credentials_withoutIt_namesTheSessionAfterTheUser() {
        CliHarness.Run run = new CliHarness(project, project)
                .run("credentials", "--dry-run", "--mode", "write", "--format", "json", "--app", assembly.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"manifestRoleSessionName\" : \"cdkj-tester\"");
    }

    @Test
    void invalidSessionName_failsNamingTheVariable() {
        CliHarness.Run run = new CliHarness(project, project).env("CDK_ROLE_SESSION_NAME", "has spaces")
                .run("credentials", "--dry-run", "--mode", "write", "--app", assembly.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CDK_ROLE_SESSION_NAME='has spaces' is not a role session name");
    }
}
