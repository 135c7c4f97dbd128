package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRequest;
import io.cdkj.toolkit.app.AppRun;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupFailure;
import io.cdkj.toolkit.lookups.LookupResults;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The synth loop: run the app; while the assembly lists missing context, look it up, save the
 * results to {@code cdk.context.json}, and run the app again with them — until nothing is missing,
 * or the same keys are missing twice in a row (no progress; the remaining keys are reported).
 * Failed lookups are passed to the app as transient {@code $providerError} values, never saved.
 * The assembly directory is locked for the run ({@link OutputDirectoryLock}), and its manifest is
 * removed before every app run, so an app that writes none fails instead of leaving the previous
 * synth's assembly to be deployed. What was looked up is recorded ({@link LookupHistory}) for the
 * next synth to predict.
 *
 * <p>Not thread-safe: one synth at a time.
 */
public final class Synthesizer {

    private final AppRunner runner;
    private final AssemblyReader reader;
    private final Supplier<ContextLookups> lookups;
    private final ContextFile contextFile;
    private final PrintWriter progress;
    private final Clock clock;
    private final Consumer<AutoCloseable> holdUntilDone;

    /**
     * @param lookups       created only when a lookup is needed (so a warm synth touches no credentials)
     * @param contextFile   where lookup results are saved
     * @param progress      stderr: lookup progress and "not making progress" notices
     * @param holdUntilDone receives the lock of the assembly directory, taken before the first app run or
     *                      read; the caller closes it when it has finished with the assembly (the session
     *                      does, at the end of the command), as commands read templates after synthesis
     */
    public Synthesizer(AppRunner runner, AssemblyReader reader, Supplier<ContextLookups> lookups,
                       ContextFile contextFile, PrintWriter progress, Clock clock,
                       Consumer<AutoCloseable> holdUntilDone) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.contextFile = Objects.requireNonNull(contextFile, "contextFile");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.holdUntilDone = Objects.requireNonNull(holdUntilDone, "holdUntilDone");
    }

    /**
     * Synthesizes {@code request}.
     *
     * @throws ToolkitException APP when the app fails, ASSEMBLY when its output is missing or
     *     unreadable, USAGE with the missing keys under {@code --no-lookups}, for an unsupported provider,
     *     or when another run uses the assembly directory
     */
    public SynthResult synthesize(SynthRequest request) {
        Instant start = clock.instant();
        if (request.existingAssembly().isPresent()) {
            holdUntilDone.accept(OutputDirectoryLock.forReading(request.existingAssembly().get()));
            CloudAssembly assembly = reader.read(request.existingAssembly().get());
            return new SynthResult(assembly, List.of(), List.of(),
                    new SynthTimings(List.of(), Duration.ZERO, Duration.between(start, clock.instant())));
        }
        // The toolkit's keys win over the user's, as in the Node CDK CLI.
        ObjectNode context = request.context();
        context.setAll(request.settings().context());
        AppRequest appRequest = new AppRequest(request.app(), request.workingDirectory(), request.outputDirectory(),
                context, request.defaultAccount(), request.defaultRegion(), request.settings().environment());
        List<Duration> appRuns = new ArrayList<>();
        List<LookupFailure> failures = new ArrayList<>();
        Duration lookupTime = Duration.ZERO;
        Set<String> previouslyMissing = null;
        holdUntilDone.accept(OutputDirectoryLock.forWriting(request.outputDirectory()));
        List<MissingContext> lookedUp = new ArrayList<>();
        while (true) {
            AssemblyOutput.removeManifest(request.outputDirectory());
            AppRun run = runner.run(appRequest.withContext(context));
            appRuns.add(run.elapsed());
            AssemblyOutput.requireManifest(run.outputDirectory(), request.app());
            CloudAssembly assembly = reader.read(run.outputDirectory());
            Set<String> missing = assembly.missing().stream().map(MissingContext::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (missing.isEmpty() || missing.equals(previouslyMissing)) {
                if (!missing.isEmpty()) {
                    progress.println("Not making progress trying to resolve environmental context. Giving up."
                            + " Still missing: " + String.join(", ", missing));
                }
                LookupHistory.write(request.outputDirectory(), lookedUp);
                Duration total = Duration.between(start, clock.instant());
                return new SynthResult(assembly, failures, List.copyOf(missing),
                        new SynthTimings(appRuns, lookupTime, total));
            }
            if (!request.lookups()) {
                throw new LookupsDisabledException(List.copyOf(missing));
            }
            previouslyMissing = missing;
            progress.println("Some context information is missing (" + missing.size() + " value"
                    + (missing.size() == 1 ? "" : "s") + "). Fetching...");
            progress.flush();
            Instant lookupStart = clock.instant();
            lookedUp.addAll(assembly.missing());
            LookupResults results = lookups.get().lookup(assembly.missing(), assembly.stacks());
            lookupTime = lookupTime.plus(Duration.between(lookupStart, clock.instant()));
            contextFile.update(results.values());
            results.values().forEach(context::set);
            failures.addAll(results.failures());
        }
    }
}
