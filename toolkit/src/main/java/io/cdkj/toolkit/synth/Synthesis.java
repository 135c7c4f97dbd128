package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Suppliers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.assembly.Annotation;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupFailure;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthesizes the project of one invocation: runs a {@link Synthesizer} with the project's
 * configuration, prints the app's annotations like the CDK CLI ({@code [Error at /devSampleApp] ...}),
 * and fails when the app reported errors. The composition root decides how the app runs and where
 * lookups get credentials.
 *
 * <p>Not thread-safe: one synth at a time.
 */
public final class Synthesis {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Synthesis.class);

    /** Context key: {@code false} turns off starting lookups early (see {@link #run}). */
    public static final String PREFETCH_LOOKUPS = "cdkj:prefetchLookups";

    private final ProjectConfiguration config;
    private final Optional<String> defaultRegion;
    private final Supplier<Optional<String>> defaultAccount;
    private final Supplier<ContextLookups> lookups;
    private final Runnable warmUp;
    private final PrintWriter err;
    private final boolean verbose;
    private final boolean strict;
    private final Consumer<AutoCloseable> holdUntilDone;

    /**
     * @param defaultRegion {@code CDK_DEFAULT_REGION} for the app, when one is configured
     * @param defaultAccount {@code CDK_DEFAULT_ACCOUNT} for the app, asked only when the app is run
     * @param lookups       created only when a lookup is needed (so a warm synth touches no credentials)
     * @param warmUp        gets ready for lookups without any AWS call (loads plugins, warms the SDK up); run
     *                      during the app's first run when lookups are likely
     * @param err           progress, annotations and (with {@code verbose}) timings
     * @param strict        {@code --strict}: warnings fail the synthesis, as errors do
     * @param holdUntilDone receives the assembly directory's lock, to close when the command has finished
     *                      with the assembly (see {@link Synthesizer})
     */
    public Synthesis(ProjectConfiguration config, Optional<String> defaultRegion,
            Supplier<Optional<String>> defaultAccount, Supplier<ContextLookups> lookups, Runnable warmUp,
            PrintWriter err, boolean verbose, boolean strict, Consumer<AutoCloseable> holdUntilDone) {
        this.config = config;
        this.defaultRegion = defaultRegion;
        this.defaultAccount = defaultAccount;
        this.lookups = Suppliers.memoize(lookups::get);
        this.warmUp = warmUp;
        this.err = err;
        this.verbose = verbose;
        this.strict = strict;
        this.holdUntilDone = holdUntilDone;
    }

    /**
     * Runs the synth loop with {@code runner}, and closes it.
     *
     * @throws ToolkitException USAGE without an app command; {@link LookupsDisabledException} when lookups
     *     are needed but not allowed; the code of the failed lookups (e.g. CREDENTIALS) or APP when the
     *     assembly has error annotations
     */
    public SynthResult run(SynthSettings settings, AppRunner appRunner) {
        String app = settings.app().or(config::app).orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                "--app is required either on the command line, in cdk.json or in ~/.cdk.json."
                        + " Run cdkj in the directory of your cdk.json, or pass --app \"COMMAND\"."));
        ObjectNode context = JSON.valueToTree(config.context());
        boolean assembly = new SynthRequest(app, config.workingDirectory(), settings.output().orElse(config.output()),
                context, Optional.empty(), defaultRegion, false).existingAssembly().isPresent();
        SynthRequest request = new SynthRequest(app, config.workingDirectory(),
                settings.output().orElse(config.output()), context,
                assembly ? Optional.empty() : defaultAccount.get(), defaultRegion, settings.lookups(),
                settings.appSettings());
        if (!assembly && settings.lookups() && !"false".equals(String.valueOf(config.context().get(PREFETCH_LOOKUPS)))) {
            startEarly(request);
        }
        try (AppRunner runner = appRunner) {
            Synthesizer synthesizer = new Synthesizer(runner, new AssemblyReader(), lookups,
                    new ContextFile(config.contextFilePath()), err, Clock.systemUTC(), holdUntilDone);
            SynthResult result = synthesizer.synthesize(request);
            if (verbose) {
                err.println(result.timings().render());
            }
            report(result);
            return result;
        }
    }

    /**
     * While the app's first run is under way (seconds, in which the toolkit would only wait): when the last
     * synth's lookups predict this one's ({@link LookupHistory}), look them up already; when nothing is
     * known (a first synth, no cached lookups), at least load the plugins and warm the SDK up. When the
     * context holds the values already, nothing is done, so a synth that needs no lookups makes no AWS call.
     */
    private void startEarly(SynthRequest request) {
        List<MissingContext> predicted = LookupHistory.predict(request.outputDirectory(), request.context());
        boolean unknown = predicted.isEmpty() && LookupHistory.unknown(request.outputDirectory(), request.context());
        if (predicted.isEmpty() && !unknown) {
            return;
        }
        if (verbose) {
            err.println(predicted.isEmpty() ? "Getting ready for lookups during the app's first run"
                    : "Looking up " + predicted.size() + " value" + (predicted.size() == 1 ? "" : "s")
                            + " of the last synth during the app's first run");
        }
        Thread early = new Thread(() -> {
            try {
                if (predicted.isEmpty()) {
                    warmUp.run();
                } else {
                    lookups.get().prefetch(predicted);
                }
            } catch (RuntimeException e) {
                // the lookups, when they come, fail the same way and say why
                LOG.debug("Starting lookups early failed", e);
            }
        }, "cdkj-synth-early");
        early.setDaemon(true);
        early.start();
    }

    private void report(SynthResult result) {
        CloudAssembly assembly = result.assembly();
        // Several lookups of one stack report the same credentials error on the same construct: print it once.
        assembly.stacks().stream().flatMap(stack -> stack.annotations().stream())
                .filter(a -> a.level() == Annotation.Level.WARNING)
                .map(Annotation::render).distinct().forEach(err::println);
        List<Annotation> errors = assembly.errors();
        if (errors.isEmpty()) {
            long warned = assembly.stacks().stream()
                    .filter(s -> s.annotations().stream().anyMatch(a -> a.level() == Annotation.Level.WARNING)).count();
            if (strict && warned > 0) {
                throw new ToolkitException(ErrorCode.APP, "Found warnings (--strict mode) in " + warned + " stack"
                        + (warned == 1 ? "" : "s") + " (the [Warning at ...] lines above). Fix them, or drop --strict.");
            }
            return;
        }
        errors.stream().map(Annotation::render).distinct().forEach(err::println);
        err.flush();
        ErrorCode code = result.failures().stream().map(LookupFailure::code)
                .filter(c -> c == ErrorCode.CREDENTIALS).findFirst()
                .or(() -> result.failures().stream().map(LookupFailure::code).findFirst())
                .orElse(ErrorCode.APP);
        long stacks = assembly.stacks().stream().filter(s -> !s.errors().isEmpty()).count();
        throw new ToolkitException(code, "Found errors in " + stacks + " stack" + (stacks == 1 ? "" : "s")
                + " (the [Error at ...] lines above)." + hint(code));
    }

    private static String hint(ErrorCode code) {
        if (code == ErrorCode.CREDENTIALS) {
            return " Select a credential plugin that can reach those accounts (--plugin NAME or \"plugin\" in"
                    + " cdk.json), or run with credentials for them.";
        }
        return " Fix them in the app, or the lookups they report, and synthesize again.";
    }
}
