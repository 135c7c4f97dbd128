package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./demo}, run as a newcomer runs it (after the build, so it does not
 * build again): it must pass, show every step of the walkthrough with the lines the README promises,
 * print no secret, and leave no local AWS endpoint behind. The same for {@code ./demo --laptop}.
 */
class DemoIT {

    private static final Pattern ENDPOINT = Pattern.compile("Local AWS at http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern PORTAL = Pattern.compile("IAM Identity Center portal at http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void demo_runsTheWalkthroughEndToEnd() throws Exception {
        Command.Result result = Command.run(Repository.ROOT, Map.of("CDKJ_DEMO_SKIP_BUILD", "1"),
                Duration.ofMinutes(10), List.of(Repository.path("demo").toString()));
        String output = result.all();

        assertThat(result.exitCode()).as("./demo exit code; output:%n%s", output).isZero();
        assertThat(output).contains(
                "== Step 1: three accounts, and the pipeline's identity",
                "arn:aws:sts::222222222222:assumed-role/pipeline",
                "== Step 2: required-resources",
                "dev | deploying to aws://111111111111/us-east-2",
                "prod | deploying to aws://333333333333/us-east-1",
                "== Step 3: sample-app synthesized by the pipeline WITHOUT the plugin",
                "[Error at /devSampleApp] Need to perform AWS calls for account 111111111111, but the current credentials are for 222222222222",
                "[Error at /prodSampleApp] Need to perform AWS calls for account 333333333333, but the current credentials are for 222222222222",
                "== Step 4: the same with --plugin assume-role",
                "Successfully synthesized to ",
                "s in the warm app host (the first, ",
                "\"hello from dev (111111111111)\"",
                "\"hello from prod (333333333333)\"",
                "== Step 5: cdkj credentials",
                "arn:aws:iam::111111111111:role/cdk-readOnlyRole",
                "arn:aws:iam::333333333333:role/cdk-writeRole",
                "== Step 6: deploy both stacks from the pipeline, then destroy them",
                "/cdkj/sample/deployed-message = hello from dev (111111111111)",
                "/cdkj/sample/deployed-message = hello from prod (333333333333)",
                "both stacks and their parameters are gone",
                "The walkthrough behaved as described");
        assertThat(output).doesNotContain("✘", "Work directory kept", "aws_secret_access_key");
        Secrets.assertNone(output);
        assertEndpointStopped(output);
    }

    @Test
    void demoLaptop_findsEachStacksSsoProfileWithoutConfiguration() throws Exception {
        Command.Result result = Command.run(Repository.ROOT, Map.of("CDKJ_DEMO_SKIP_BUILD", "1"),
                Duration.ofMinutes(10), List.of(Repository.path("demo").toString(), "--laptop"));
        String output = result.all();

        assertThat(result.exitCode()).as("./demo --laptop exit code; output:%n%s", output).isZero();
        assertThat(output).contains(
                "== Step 1: a laptop: one IAM Identity Center (SSO) profile per account, nothing about cdkj",
                "sso_account_id = 111111111111",
                "== Step 2: cdkj synth --plugin profile",
                "cdk.out/devSampleApp.template.json holds \"hello from dev (111111111111)\"",
                "cdk.out/prodSampleApp.template.json holds \"hello from prod (333333333333)\"",
                "== Step 3: cdkj credentials",
                "profile dev (the only profile in account 111111111111 (sso_account_id)), IAM Identity Center "
                        + "sso-session cdkj-laptop",
                "arn:aws:sts::333333333333:assumed-role/AWSReservedSSO_AdministratorAccess_",
                "== Step 4: deploy both stacks from the laptop",
                "/cdkj/sample/deployed-message = hello from dev (111111111111)",
                "/cdkj/sample/deployed-message = hello from prod (333333333333)",
                "== Step 5: eight hours later the SSO session has expired",
                "Run: aws sso login --sso-session cdkj-laptop",
                "both stacks and their parameters are gone",
                "The laptop walkthrough behaved as described");
        assertThat(output).doesNotContain("✘", "Work directory kept", "aws_secret_access_key", "cdkj-laptop-sso-token-");
        Secrets.assertNone(output);
        assertEndpointStopped(output);
        Matcher portal = PORTAL.matcher(output);
        assertThat(portal.find()).as("the demo names its SSO portal").isTrue();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(portal.group(1))), 1000);
            }
        }).as("the SSO portal stopped after the demo").isInstanceOf(IOException.class);
    }

    @Test
    void demo_withoutMotoServer_saysHowToInstallIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bin = PathWithout.create(dir.resolve("bin"), Set.of("python3", "python"));

        Command.Result result = Command.run(Repository.ROOT, Map.of("PATH", bin.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "CDKJ_DEMO_SKIP_BUILD", "1"),
                Duration.ofMinutes(1), List.of(Repository.path("demo").toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("python3 -m pip install 'moto[server]'");
    }

    @Test
    void demo_withoutNode_saysWhyItIsNeeded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bin = PathWithout.create(dir.resolve("bin"), Set.of("node"));

        Command.Result result = Command.run(Repository.ROOT, Map.of("PATH", bin.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "CDKJ_DEMO_SKIP_BUILD", "1"),
                Duration.ofMinutes(1), List.of(Repository.path("demo").toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'node' is not on the PATH", "jsii");
    }

    private static void assertEndpointStopped(String output) {
        Matcher endpoint = ENDPOINT.matcher(output);
        assertThat(endpoint.find()).as("the demo names its local endpoint").isTrue();
        int port = Integer.parseInt(endpoint.group(1));
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).as("moto on port %d stopped after the demo", port).isInstanceOf(IOException.class);
    }
}
