package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.app.ColdAppRunner;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupProviders;
import io.cdkj.toolkit.synth.SynthRequest;
import io.cdkj.toolkit.synth.Synthesizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real sample-app, synthesized once through the warm app host (two runs: lookups in between) and
 * once cold with the context the first synth saved: the assemblies must be the same and the host must
 * leave no process behind. (That a synth with complete context makes no AWS call is SampleAppSynthTest's.)
 */
@ExtendWith(MotoExtension.class)
class WarmAppRunnerSampleAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workspace;

    private static Path warmProject;
    private static Path coldProject;
    private static final StringWriter warmProgress = new StringWriter();
    private static final List<String> verbose = new CopyOnWriteArrayList<>();
    private static List<ProcessHandle> hostTree;
    private static ProcessHandle hostProcess;
    private static AwsClientFactory factory;

    /** The assembly directories' locks, released after the class. */
    private static final List<AutoCloseable> LOCKS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void synthesizeWarmThenCold(MotoServer moto) throws IOException {
        moto.reset();
        Walkthrough.seed(moto);
        factory = new AwsClientFactory();
        String command = ReactorApps.sampleApp("io.cdkj.sample.SampleApp");
        warmProject = Files.createDirectories(workspace.resolve("warm"));
        coldProject = Files.createDirectories(workspace.resolve("cold"));

        PrintWriter progress = new PrintWriter(warmProgress, true);
        WarmAppRunner warm = new WarmAppRunner(new ColdAppRunner(progress, l -> { }),
                new LaunchResolver(WarmSettings.DEFAULT, verbose::add), progress, l -> { }, verbose::add);
        try {
            Synthesizer synthesizer = new Synthesizer(warm, new AssemblyReader(),
                    () -> new ContextLookups(new MotoCallerCredentials(moto), factory, LookupProviders.builtIn()),
                    ContextFile.in(warmProject), progress, Clock.systemUTC(), LOCKS::add);
            synthesizer.synthesize(request(command, warmProject, JSON.createObjectNode()));
            hostProcess = warm.hostProcess().orElseThrow();
            hostTree = hostProcess.descendants().toList();
        } finally {
            warm.close();
        }

        ObjectNode saved = ContextFile.in(warmProject).load();
        Files.writeString(coldProject.resolve(ContextFile.FILE_NAME), JSON.writeValueAsString(saved));
        StringWriter coldProgress = new StringWriter();
        try (ColdAppRunner cold = new ColdAppRunner(new PrintWriter(coldProgress, true), l -> { })) {
            Synthesizer synthesizer = new Synthesizer(cold, new AssemblyReader(), () -> {
                throw new AssertionError("a synth with complete context must not look anything up");
            }, ContextFile.in(coldProject), new PrintWriter(coldProgress, true), Clock.systemUTC(), LOCKS::add);
            synthesizer.synthesize(request(command, coldProject, saved));
        }
    }

    @AfterAll
    static void closeFactory() throws Exception {
        for (AutoCloseable lock : LOCKS) {
            lock.close();
        }
        factory.close();
    }

    @Test
    void warmAndCold_produceTheSameCloudAssembly() throws IOException {
        // given
        Map<String, JsonNode> warmFiles = assemblyFiles(warmProject);
        Map<String, JsonNode> coldFiles = assemblyFiles(coldProject);

        // then
        assertThat(warmFiles.keySet()).contains("manifest.json", "devSampleApp.template.json",
                "prodSampleApp.template.json").isEqualTo(coldFiles.keySet());
        for (String name : warmFiles.keySet()) {
            assertThat(warmFiles.get(name)).as(name).isEqualTo(coldFiles.get(name));
        }
        assertThat(warmFiles.get("devSampleApp.template.json").toString())
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        assertThat(warmFiles.get("prodSampleApp.template.json").toString())
                .contains(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
    }

    @Test
    void warmSynth_ranMainTwiceInOneHost() {
        assertThat(warmProgress.toString().split("\\(in the warm app host\\)", -1)).hasSize(3);
        assertThat(verbose).filteredOn(l -> l.startsWith("Starting the warm app host")).hasSize(1);
        assertThat(verbose).noneMatch(l -> l.startsWith("Running the app cold"));
    }

    @Test
    void close_leavesNoJavaOrNodeProcessBehind() {
        assertThat(hostTree).as("jsii's node runs under the host").isNotEmpty();
        assertThat(hostProcess.isAlive()).isFalse();
        assertThat(hostTree).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants()).noneMatch(p -> p.info().command().orElse("")
                .matches(".*/(java|node)$"));
    }

    private static SynthRequest request(String command, Path project, ObjectNode context) {
        return new SynthRequest(command, project, Path.of("cdk.out"), context, Optional.empty(), Optional.empty(), true);
    }

    /** Every JSON file of the assembly, with the project directory replaced so the two synths compare. */
    private static Map<String, JsonNode> assemblyFiles(Path project) throws IOException {
        Path out = project.resolve("cdk.out");
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(out)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".json")).toList()) {
                String text = Files.readString(file).replace(project.toString(), "<project>");
                files.put(file.getFileName().toString(), JSON.readTree(text));
            }
        }
        return files;
    }
}
