package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRequest;
import io.cdkj.toolkit.app.AppRun;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.FakeEnvironmentCredentials;
import io.cdkj.toolkit.lookups.LookupClients;
import io.cdkj.toolkit.lookups.LookupProvider;
import io.cdkj.toolkit.lookups.LookupProviders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "ssm:account=111111111111:parameterName=/p:region=us-east-2";

    @TempDir
    Path project;

    private final AwsClientFactory factory = new AwsClientFactory();
    private final StringWriter progress = new StringWriter();
    private final AtomicInteger lookupCalls = new AtomicInteger();

    private final List<AutoCloseable> held = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable lock : held) {
            lock.close();
        }
        factory.close();
    }

    /** An app that asks for {@link #KEY} until its context has it, and reports provider errors like aws-cdk-lib. */
    private static final class FakeApp implements AppRunner {
        final List<ObjectNode> contexts = new ArrayList<>();
        final List<java.util.Map<String, String>> environments = new ArrayList<>();
        final boolean alwaysMissing;

        FakeApp(boolean alwaysMissing) {
            this.alwaysMissing = alwaysMissing;
        }

        @Override
        public AppRun run(AppRequest request) {
            contexts.add(request.context());
            environments.add(request.environment());
            JsonNode value = request.context().get(KEY);
            ObjectNode manifest = JSON.createObjectNode().put("version", "54.0.0");
            ObjectNode stack = manifest.putObject("artifacts").putObject("devSampleApp")
                    .put("type", "aws:cloudformation:stack").put("environment", "aws://111111111111/us-east-2");
            stack.putObject("properties").put("templateFile", "devSampleApp.template.json");
            if (value == null || alwaysMissing) {
                manifest.putArray("missing").addObject().put("key", KEY).put("provider", "ssm").putObject("props")
                        .put("account", "111111111111").put("region", "us-east-2").put("parameterName", "/p");
            } else if (value.has("$providerError")) {
                stack.putObject("metadata").putArray("/devSampleApp").addObject()
                        .put("type", "aws:cdk:error").put("data", value.get("$providerError").asText());
            }
            try {
                Files.createDirectories(request.outputDirectory());
                JSON.writeValue(request.outputDirectory().resolve("manifest.json").toFile(), manifest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new AppRun(request.outputDirectory(), Duration.ofMillis(5));
        }
    }

    private Synthesizer synthesizer(FakeApp app, Set<String> refusedAccounts) {
        LookupProvider provider = new LookupProvider() {
            @Override
            public String key() {
                return "ssm";
            }

            @Override
            public JsonNode lookup(MissingContext query, LookupClients clients) {
                lookupCalls.incrementAndGet();
                return TextNode.valueOf("hello from " + clients.environment().account());
            }
        };
        return new Synthesizer(app, new AssemblyReader(),
                () -> new ContextLookups(new FakeEnvironmentCredentials(refusedAccounts), factory,
                        new LookupProviders(List.of(provider))),
                ContextFile.in(project), new PrintWriter(progress, true), Clock.systemUTC(), held::add);
    }

    private SynthRequest request(boolean lookups) {
        return new SynthRequest("fake-app", project, Path.of("cdk.out"), JSON.createObjectNode().put("user", "u"),
                Optional.empty(), Optional.empty(), lookups);
    }

    @Test
    void synthesize_missingContext_looksUpSavesAndRunsAgain() throws IOException {
        // given
        FakeApp app = new FakeApp(false);

        // when
        SynthResult result = synthesizer(app, Set.of()).synthesize(request(true));

        // then
        assertThat(app.contexts).hasSize(2);
        assertThat(app.contexts.get(0).has(KEY)).isFalse();
        assertThat(app.contexts.get(0).get("aws:cdk:enable-path-metadata").asBoolean()).isTrue();
        assertThat(app.contexts.get(1).get(KEY).asText()).isEqualTo("hello from 111111111111");
        assertThat(app.contexts.get(1).get("user").asText()).isEqualTo("u");
        assertThat(JSON.readTree(project.resolve("cdk.context.json").toFile()).get(KEY).asText())
                .isEqualTo("hello from 111111111111");
        assertThat(result.assembly().missing()).isEmpty();
        assertThat(result.timings().appRuns()).hasSize(2);
        assertThat(progress.toString()).contains("Some context information is missing (1 value). Fetching...");
    }

    @Test
    void synthesize_defaults_passTheNodeCliContextAndVariablesOverTheUsersValues() {
        // given: the user's context tries to turn validation failures back on
        FakeApp app = new FakeApp(false);
        ObjectNode context = JSON.createObjectNode().put("@aws-cdk/core:failSynthOnValidationErrors", true)
                .put(KEY, "cached").put("user", "u");

        // when
        synthesizer(app, Set.of()).synthesize(new SynthRequest("fake-app", project, Path.of("cdk.out"), context,
                Optional.empty(), Optional.empty(), true));

        // then
        ObjectNode sent = app.contexts.get(0);
        assertThat(sent.get("@aws-cdk/core:failSynthOnValidationErrors").asBoolean(true)).isFalse();
        assertThat(sent.get("aws:cdk:version-reporting").asBoolean()).isTrue();
        assertThat(sent.get("aws:cdk:enable-path-metadata").asBoolean()).isTrue();
        assertThat(sent.get("aws:cdk:enable-asset-metadata").asBoolean()).isTrue();
        assertThat(sent.get("aws:cdk:bundling-stacks").toString()).isEqualTo("[\"**\"]");
        assertThat(sent.has("aws:cdk:disable-version-reporting")).isFalse();
        assertThat(sent.get("user").asText()).isEqualTo("u");
        assertThat(app.environments.get(0)).containsEntry("CDK_CLI_ASM_VERSION", "55.0.0")
                .containsKey("CDK_CLI_VERSION").doesNotContainKeys("CDK_DEBUG", "CDK_VALIDATION");
    }

    @Test
    void synthesize_optOuts_passTheNodeCliOptOutKeys() {
        // given
        FakeApp app = new FakeApp(false);
        AppSettings settings = new AppSettings(false, false, false, false, List.of(), true, false, "1.2.3");

        // when
        synthesizer(app, Set.of()).synthesize(new SynthRequest("fake-app", project, Path.of("cdk.out"),
                JSON.createObjectNode().put(KEY, "cached"), Optional.empty(), Optional.empty(), true, settings));

        // then
        ObjectNode sent = app.contexts.get(0);
        assertThat(sent.has("aws:cdk:enable-path-metadata")).isFalse();
        assertThat(sent.has("aws:cdk:enable-asset-metadata")).isFalse();
        assertThat(sent.has("aws:cdk:version-reporting")).isFalse();
        assertThat(sent.get("aws:cdk:disable-version-reporting").asBoolean()).isTrue();
        assertThat(sent.get("aws:cdk:disable-asset-staging").asBoolean()).isTrue();
        assertThat(sent.get("aws:cdk:bundling-stacks").toString()).isEqualTo("[]");
        assertThat(app.environments.get(0)).containsEntry("CDK_DEBUG", "true").containsEntry("CDK_VALIDATION", "false")
                .containsEntry("CDK_CLI_VERSION", "1.2.3");
    }

    @Test
    void synthesize_warmContext_runsOnceWithoutLookups() {
        // given
        FakeApp app = new FakeApp(false);
        ContextFile.in(project).update(java.util.Map.of(KEY, TextNode.valueOf("cached")));
        ObjectNode context = JSON.createObjectNode().put(KEY, "cached");

        // when
        synthesizer(app, Set.of()).synthesize(new SynthRequest("fake-app", project, Path.of("cdk.out"), context,
                Optional.empty(), Optional.empty(), true));

        // then
        assertThat(app.contexts).hasSize(1);
        assertThat(lookupCalls).hasValue(0);
    }

    @Test
    void synthesize_lookupFails_passesProviderErrorToAppAndSavesNothing() {
        // given
        FakeApp app = new FakeApp(false);

        // when
        SynthResult result = synthesizer(app, Set.of("111111111111")).synthesize(request(true));

        // then
        assertThat(app.contexts.get(1).get(KEY).get("$dontSaveContext").asBoolean()).isTrue();
        assertThat(project.resolve("cdk.context.json")).doesNotExist();
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(ErrorCode.CREDENTIALS));
        assertThat(result.assembly().errors()).singleElement().satisfies(a -> assertThat(a.render())
                .startsWith("[Error at /devSampleApp] Need to perform AWS calls for account 111111111111"));
    }

    @Test
    void synthesize_sameKeysMissingTwice_stopsAndReportsThem() {
        // given
        FakeApp app = new FakeApp(true);

        // when
        SynthResult result = synthesizer(app, Set.of()).synthesize(request(true));

        // then
        assertThat(app.contexts).hasSize(2);
        assertThat(result.unresolved()).containsExactly(KEY);
        assertThat(progress.toString()).contains("Not making progress").contains(KEY);
    }

    @Test
    void synthesize_noLookups_failsListingMissingKeysWithoutLookingUp() {
        // given
        FakeApp app = new FakeApp(false);

        // then
        assertThatThrownBy(() -> synthesizer(app, Set.of()).synthesize(request(false)))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("--no-lookups")
                .hasMessageContaining("Missing context keys: '" + KEY + "'");
        assertThat(lookupCalls).hasValue(0);
    }

    @Test
    void synthesize_appIsAssemblyDirectory_readsItWithoutRunning() throws IOException {
        // given
        FakeApp writer = new FakeApp(false);
        writer.run(new AppRequest("x", project, project.resolve("prebuilt"), JSON.createObjectNode().put(KEY, "v"),
                Optional.empty(), Optional.empty(), java.util.Map.of()));
        FakeApp app = new FakeApp(false);

        // when
        SynthResult result = synthesizer(app, Set.of()).synthesize(new SynthRequest("prebuilt", project,
                Path.of("cdk.out"), JSON.createObjectNode(), Optional.empty(), Optional.empty(), true));

        // then
        assertThat(app.contexts).isEmpty();
        assertThat(result.assembly().stackIds()).containsExactly("devSampleApp");
    }
}
