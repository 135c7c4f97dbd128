package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * bench/run scenario "stacks": what {@code cdkj deploy --all} does with a large assembly before its
 * first stack starts — read the manifest, select every stack with its dependencies, order them and
 * schedule one job per stack (a no-op here) — timed in one fresh JVM as the CLI would run it, with
 * the work counted ({@link StackWork}). In this package because the counting entry points are
 * package-private. Prints one line:
 * {@code STACKS READ_S SELECT_S ORDER_S EDGE_VISITS NAME_COMPARISONS PATTERN_S}.
 * usage: {@code java -cp TOOLKIT:LIBS:CLASSES io.cdkj.toolkit.deploy.StackScaleBench ASSEMBLY_DIR}
 */
public final class StackScaleBench {

    private StackScaleBench() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        CloudAssembly assembly = new AssemblyReader().read(Path.of(args[0]));
        long read = System.nanoTime();
        StackWork work = new StackWork();
        List<StackDeployment> stacks = StackSelection.selectArtifacts(assembly, List.of(), true,
                StackSelection.Extend.UPSTREAM, work).stream().map(StackSelection::toDeployment).toList();
        long selected = System.nanoTime();
        List<StackResult> results = DependencyRunner.run(stacks, false, DeployOptions.DEFAULT_CONCURRENCY,
                s -> new StackResult(s.stackName(), StackResult.Outcome.DEPLOYED, Map.of(), Duration.ZERO,
                        Optional.empty()), work);
        long ordered = System.nanoTime();
        StackSelection.selectArtifacts(assembly, List.of("*"), false, StackSelection.Extend.NONE, work);
        long pattern = System.nanoTime();
        if (results.size() != assembly.stacks().size()) {
            throw new IllegalStateException("ran " + results.size() + " of " + assembly.stacks().size() + " stacks");
        }
        System.out.printf(Locale.ROOT, "%d %.3f %.3f %.3f %d %d %.3f%n", stacks.size(), (read - start) / 1e9,
                (selected - read) / 1e9, (ordered - selected) / 1e9, work.edgeVisits(), work.nameComparisons(),
                (pattern - ordered) / 1e9);
    }
}
