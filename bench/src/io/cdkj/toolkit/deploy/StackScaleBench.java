package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsConcurrency;
import java.lang.management.ManagementFactory;
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
 * package-private. Prints one line, wall seconds and the process's CPU seconds (all threads: JIT and GC
 * included) per step:
 * {@code STACKS READ_S SELECT_S ORDER_S PATTERN_S READ_CPU SELECT_CPU ORDER_CPU PATTERN_CPU}, then the work:
 * {@code SELECT_EDGE_VISITS ORDER_EDGE_VISITS PATTERN_NAME_COMPARISONS}.
 * usage: {@code java -cp TOOLKIT:LIBS:CLASSES io.cdkj.toolkit.deploy.StackScaleBench ASSEMBLY_DIR}
 */
public final class StackScaleBench {

    private StackScaleBench() {
    }

    public static void main(String[] args) {
        long[] cpu = new long[5];
        cpu[0] = cpu();
        long start = System.nanoTime();
        CloudAssembly assembly = new AssemblyReader().read(Path.of(args[0]));
        long read = System.nanoTime();
        cpu[1] = cpu();
        StackWork selection = new StackWork();
        List<ResolvedStack> stacks = StackSelection.selectArtifacts(assembly, List.of(), true,
                StackSelection.Extend.UPSTREAM, selection).stream().map(ResolvedStack::of).toList();
        long selected = System.nanoTime();
        cpu[2] = cpu();
        StackWork ordering = new StackWork();
        List<StackResult> results = DependencyRunner.run(stacks, false, DeployOptions.DEFAULT_CONCURRENCY,
                AwsConcurrency.DEFAULT_MAX_PARALLEL_ENVIRONMENTS,
                s -> new StackResult(s.stackName(), StackResult.Outcome.DEPLOYED, Map.of(), Duration.ZERO,
                        Optional.empty()), ordering);
        long ordered = System.nanoTime();
        cpu[3] = cpu();
        StackWork pattern = new StackWork();
        StackSelection.selectArtifacts(assembly, List.of("*"), false, StackSelection.Extend.NONE, pattern);
        long matched = System.nanoTime();
        cpu[4] = cpu();
        if (results.size() != assembly.stacks().size()) {
            throw new IllegalStateException("ran " + results.size() + " of " + assembly.stacks().size() + " stacks");
        }
        System.out.printf(Locale.ROOT, "%d %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %d %d %d%n", stacks.size(),
                (read - start) / 1e9, (selected - read) / 1e9, (ordered - selected) / 1e9, (matched - ordered) / 1e9,
                (cpu[1] - cpu[0]) / 1e9, (cpu[2] - cpu[1]) / 1e9, (cpu[3] - cpu[2]) / 1e9, (cpu[4] - cpu[3]) / 1e9,
                selection.edgeVisits(), ordering.edgeVisits(), pattern.nameComparisons());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
