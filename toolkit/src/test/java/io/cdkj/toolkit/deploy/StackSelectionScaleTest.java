package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selection and ordering of a generated 10,000-stack assembly (100 accounts, each stack depending on
 * the one before it and on one far back): the work is counted, so the test fails if it grows faster
 * than the stacks and their dependencies, whatever the machine's speed.
 */
class StackSelectionScaleTest {

    private static final int STACKS = 10_000;
    private static final int ACCOUNTS = 100;

    @TempDir
    static Path dir;

    private static CloudAssembly assembly;
    private static long dependencies;

    @BeforeAll
    static void writeAssembly() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode().put("version", "48.0.0");
        ObjectNode artifacts = manifest.putObject("artifacts");
        for (int i = 0; i < STACKS; i++) {
            ObjectNode stack = artifacts.putObject(id(i)).put("type", "aws:cloudformation:stack")
                    .put("environment", "aws://" + String.format("%012d", 100_000_000_000L + i % ACCOUNTS) + "/us-east-1");
            stack.putObject("properties").put("templateFile", id(i) + ".template.json").put("stackName", "app-" + i);
            ArrayNode deps = stack.putArray("dependencies");
            if (i > 0) {
                deps.add(id(i - 1));
            }
            if (i >= 7) {
                deps.add(id(i / 7));
            }
            dependencies += deps.size();
        }
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        assembly = new AssemblyReader().read(dir);
    }

    @Test
    void selectAll_withDependencies_visitsEachDependencyAtMostTwice() {
        // given
        StackWork work = new StackWork();

        // when
        List<StackArtifact> selected = StackSelection.selectArtifacts(assembly, List.of(), true,
                StackSelection.Extend.UPSTREAM, work);

        // then: building the graph visits each dependency once, the closure once more
        assertThat(selected).hasSize(STACKS).isEqualTo(assembly.stacks());
        assertThat(work.edgeVisits()).isLessThanOrEqualTo(2 * dependencies);
        assertThat(work.nameComparisons()).isZero();
    }

    @Test
    void selectLastStack_withDependencies_reachesTheWholeChainInLinearWork() {
        // given
        StackWork work = new StackWork();

        // when: the last stack depends, through the chain, on every other
        List<StackArtifact> selected = StackSelection.selectArtifacts(assembly, List.of(id(STACKS - 1)), false,
                StackSelection.Extend.UPSTREAM, work);

        // then
        assertThat(selected).hasSize(STACKS);
        assertThat(work.edgeVisits()).isLessThanOrEqualTo(2 * dependencies);
        assertThat(work.nameComparisons()).isLessThanOrEqualTo(3L * STACKS + 1);
    }

    @Test
    void selectFirstStack_withDependents_reachesEveryStackInLinearWork() {
        StackWork work = new StackWork();

        List<StackArtifact> selected = StackSelection.selectArtifacts(assembly, List.of("app-0"), false,
                StackSelection.Extend.DOWNSTREAM, work);

        assertThat(selected).hasSize(STACKS);
        assertThat(work.edgeVisits()).isLessThanOrEqualTo(2 * dependencies);
    }

    @Test
    void selectEveryStackByName_looksEachNameUpInAnIndex() {
        // given: all 10,000 names on the command line (a generated pipeline step might do this)
        List<String> names = IntStream.range(0, STACKS).mapToObj(StackSelectionScaleTest::id).toList();
        StackWork work = new StackWork();

        // when
        List<StackArtifact> selected = StackSelection.selectArtifacts(assembly, names, false,
                StackSelection.Extend.NONE, work);

        // then: three index entries per stack, one lookup per name — not names × stacks comparisons
        assertThat(selected).hasSize(STACKS);
        assertThat(work.nameComparisons()).isEqualTo(3L * STACKS + STACKS);
        assertThat(work.edgeVisits()).isZero();
    }

    @Test
    void selectByPatterns_testsEachStackOncePerPattern() {
        StackWork work = new StackWork();

        List<StackArtifact> all = StackSelection.selectArtifacts(assembly, List.of("*"), false,
                StackSelection.Extend.NONE, work);
        List<StackArtifact> some = StackSelection.selectArtifacts(assembly, List.of("app-99*", "Stack1*"), false,
                StackSelection.Extend.NONE, new StackWork());

        assertThat(all).hasSize(STACKS);
        assertThat(work.nameComparisons()).isEqualTo(STACKS);
        // app-99, app-990..999, app-9900..9999; Stack1, Stack10..19, ..., Stack1000..1999
        assertThat(some).hasSize(1 + 10 + 100 + 1 + 10 + 100 + 1000);
    }

    @Test
    void select_unknownName_listsTheFirstStacksAndHowManyMore() {
        assertThatThrownBy(() -> StackSelection.selectArtifacts(assembly, List.of("nope"), false,
                StackSelection.Extend.NONE))
                .hasMessageStartingWith("No stack matches 'nope'; the app has: Stack0, Stack1, ")
                .hasMessageEndingWith("Stack19 and 9980 more ('cdkj list' shows them all)");
    }

    @Test
    void run_allStacks_startsEachAfterItsDependenciesInLinearWork() {
        // given
        List<ResolvedStack> stacks = StackSelection.select(assembly, List.of(), true, StackSelection.Extend.UPSTREAM);
        Map<String, Integer> position = new ConcurrentHashMap<>();
        AtomicInteger started = new AtomicInteger();
        StackWork work = new StackWork();

        // when
        List<StackResult> results = DependencyRunner.run(stacks, false, 4, 128, s -> {
            position.put(s.displayName(), started.getAndIncrement());
            return new StackResult(s.stackName(), StackResult.Outcome.DEPLOYED, Map.of(), Duration.ZERO, Optional.empty());
        }, work);

        // then
        assertThat(results).hasSize(STACKS).allMatch(r -> r.outcome() == StackResult.Outcome.DEPLOYED);
        Map<String, List<String>> dependenciesOf = new HashMap<>();
        stacks.forEach(s -> dependenciesOf.put(s.displayName(), s.artifact().stackDependencies()));
        dependenciesOf.forEach((id, deps) -> deps.forEach(d -> assertThat(position.get(d)).as(d + " before " + id)
                .isLessThan(position.get(id))));
        // each edge a constant number of times: building, ordering, counting what each stack waits for,
        // checking its predecessors' results, releasing its successors
        assertThat(work.edgeVisits()).isLessThanOrEqualTo(5 * dependencies);
    }

    private static String id(int i) {
        return "Stack" + i;
    }
}
