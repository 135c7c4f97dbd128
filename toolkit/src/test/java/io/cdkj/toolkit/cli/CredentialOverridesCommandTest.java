package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj:credentials} through {@code cdkj credentials --all} in-process against moto: each stack's
 * profile and plugins come from the highest level that sets them (stack, stage, app, toolkit default),
 * the report says which, and the credentials follow. The pipeline in 222222222222 is the toolkit-wide
 * identity; {@code prod-admin} is a role profile in the prod account; the plugins are the test fakes.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class CredentialOverridesCommandTest {

    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private AwsSystemProperties caller;
    private CliHarness cli;

    CredentialOverridesCommandTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void givenAnAssemblyWithAStageAndAProdAdminProfile() throws Exception {
        caller = PipelineCaller.actAsPipeline(moto);
        Files.createDirectories(work.resolve("assembly"));
        for (String template : new String[] {"dev", "app", "db"}) {
            Files.writeString(work.resolve("assembly/" + template + ".template.json"), "{\"Resources\": {}}");
        }
        Files.writeString(work.resolve("assembly/manifest.json"), "{\"version\": \"54.0.0\", \"artifacts\": {"
                + stack("devSampleApp", "devSampleApp", "devSampleApp", DEV + "/us-east-2", "dev") + ", "
                + stack("ProdApp", "Prod/App", "prod-app", PROD + "/us-east-1", "app") + ", "
                + stack("ProdDb", "Prod/Db", "prod-db", PROD + "/us-east-1", "db") + "}}");
        Files.writeString(work.resolve("aws-config"), "[profile prod-admin]\nrole_arn = arn:aws:iam::" + PROD
                + ":role/BreakGlass\nsource_profile = root\nrole_session_name = break-glass\nregion = us-east-1\n");
        Files.writeString(work.resolve("aws-credentials"), "[root]\naws_access_key_id = " + moto.rootKeys().accessKeyId()
                + "\naws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");
        SecretGuard.register(moto.rootKeys().secretAccessKey());
        cli = new CliHarness(work, home)
                .env("AWS_CONFIG_FILE", work.resolve("aws-config").toString())
                .env("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
    }

    @AfterEach
    void restore() {
        caller.close();
    }

    private static String stack(String id, String displayName, String stackName, String environment, String template) {
        return "\"" + id + "\": {\"type\": \"aws:cloudformation:stack\", \"displayName\": \"" + displayName + "\", "
                + "\"environment\": \"aws://" + environment + "\", \"properties\": {\"templateFile\": \"" + template
                + ".template.json\", \"stackName\": \"" + stackName + "\"}}";
    }

    private void cdkJson(String credentials) throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\"context\": {\"cdkj:credentials\": " + credentials + "}}");
    }

    private Map<String, JsonNode> writeEntries(CliHarness.Run run) throws Exception {
        assertThat(run.exitCode()).as(run.all()).isZero();
        Map<String, JsonNode> byStack = new HashMap<>();
        for (JsonNode entry : JSON.readTree(run.out()).get("stacks")) {
            byStack.put(entry.get("stack").asText(), entry);
        }
        return byStack;
    }

    @Test
    void credentialsAll_eachSettingFromTheHighestLevelThatSetsIt_andTheReportSaysWhich() throws Exception {
        cdkJson("{\"*\": {\"plugin\": [\"fake-assume\"]}, \"Prod\": {\"plugin\": [\"fake-declining\", \"fake-assume\"]},"
                + " \"prod-db\": {\"profile\": \"prod-admin\"}}");

        Map<String, JsonNode> stacks = writeEntries(cli.run("--plugin", "fake-declining", "credentials", "--all",
                "--mode", "write", "--app", "assembly", "--format", "json"));

        JsonNode dev = stacks.get("devSampleApp");
        assertThat(dev.get("pluginsSource").asText()).isEqualTo("fake-assume — from cdkj:credentials \"*\" (the app's entry)");
        assertThat(dev.get("profile").asText()).startsWith("(the toolkit's) — from the toolkit default");
        assertThat(dev.get("source").asText()).as("the app's entry beats --plugin").isEqualTo("plugin fake-assume");
        assertThat(dev.get("account").asText()).isEqualTo(DEV);

        JsonNode app = stacks.get("Prod/App");
        assertThat(app.get("pluginsSource").asText())
                .isEqualTo("fake-declining, fake-assume — from cdkj:credentials \"Prod\" (its stage's entry)");
        assertThat(app.get("source").asText()).isEqualTo("plugin fake-assume");
        assertThat(app.get("declined").toString()).contains("fake-declining");

        JsonNode db = stacks.get("Prod/Db");
        assertThat(db.get("profile").asText()).isEqualTo("prod-admin — from cdkj:credentials \"prod-db\" (the stack's own entry)");
        assertThat(db.get("pluginsSource").asText()).contains("from cdkj:credentials \"Prod\" (its stage's entry)");
        assertThat(db.get("source").asText()).as("its own profile acts in its account: no plugin needed")
                .isEqualTo("default identity arn:aws:sts::" + PROD + ":assumed-role/BreakGlass/break-glass");
        assertThat(db.get("account").asText()).isEqualTo(PROD);
    }

    @Test
    void credentialsAll_withoutOverrides_printsNoOverrideRows() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{}");

        Map<String, JsonNode> stacks = writeEntries(cli.run("--plugin", "fake-assume", "credentials", "--all",
                "--mode", "read", "--app", "assembly", "--format", "json"));

        assertThat(stacks.get("Prod/Db").has("profile")).isFalse();
        assertThat(stacks.get("Prod/Db").get("source").asText()).isEqualTo("plugin fake-assume");
    }

    @Test
    void conflict_twoNamesOfOneStack_isAUsageErrorNamingBothKeys() throws Exception {
        cdkJson("{\"Prod/Db\": {\"profile\": \"prod-admin\"}, \"ProdDb\": {\"profile\": \"other\"}}");

        CliHarness.Run run = cli.run("credentials", "--all", "--app", "assembly");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("Error: cdkj:credentials entries \"Prod/Db\" and \"ProdDb\" both set "
                + "\"profile\" for stack Prod/Db (they are two of its names); keep one");
    }

    @Test
    void unknownEntry_isAUsageErrorBeforeAnyDeployment() throws Exception {
        cdkJson("{\"Prod/DB\": {\"profile\": \"prod-admin\"}}");

        CliHarness.Run run = cli.run("deploy", "--all", "--app", "assembly");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cdkj:credentials has an entry \"Prod/DB\", which names no stack and no stage of "
                + "the app (stacks: devSampleApp, Prod/App, Prod/Db)");
    }
}
