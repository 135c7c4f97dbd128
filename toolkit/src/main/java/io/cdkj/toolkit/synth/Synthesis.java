package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.app.ColdAppRunner;
import io.cdkj.toolkit.app.warm.AppRunners;
import io.cdkj.toolkit.assembly.Annotation;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.cli.ToolkitSession;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupFailure;
import io.cdkj.toolkit.lookups.LookupProviders;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Synthesizes the project of a {@code cdkj} invocation: wires the session's configuration and
 * credentials into a {@link Synthesizer}, prints the app's annotations like the CDK CLI
 * ({@code [Error at /devSampleApp] ...}), and fails when the app reported errors.
 *
 * <p>Stateless.
 */
public final class Synthesis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Synthesis() {
    }

    /**
     * Runs the synth loop for {@code session}'s project.
     *
     * @throws ToolkitException USAGE without an app command; the code of the failed lookups (e.g.
     *     CREDENTIALS) or APP when the assembly has error annotations
     */
    public static SynthResult run(ToolkitSession session, SynthOptions options) {
        ProjectConfiguration config = session.configuration();
        PrintWriter err = session.io().err();
        boolean verbose = session.options().verbose();
        String app = options.app().or(config::app).orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                "--app is required either on the command line, in cdk.json or in ~/.cdk.json."
                        + " Run cdkj in the directory of your cdk.json, or pass --app \"COMMAND\"."));
        ObjectNode context = JSON.valueToTree(config.context());
        Optional<String> region = Optional.of(session.defaultRegionChoice())
                .filter(choice -> !choice.source().startsWith("default"))
                .map(choice -> choice.region());
        SynthRequest request = new SynthRequest(app, config.workingDirectory(),
                options.output().orElse(config.output()), context, Optional.empty(), region, options.lookups());
        // The app's own output is shown, as the CDK CLI does, except jsii's Node.js end-of-life banner,
        // which the JSII_SILENCE variable no longer suppresses on Node 20 (shown with --verbose).
        Consumer<String> appOutput = line -> {
            if (verbose || !isJsiiBanner(line)) {
                err.println(line);
            }
        };
        AppRunner cold = new ColdAppRunner(err, appOutput, session.io().environment(), Clock.systemUTC());
        // The warm app host (issue 6) unless --no-warm or cdk.json's "cdkj": {"warm": false}.
        try (AppRunner runner = AppRunners.select(cold, options.warm(), config.workingDirectory(), err, appOutput,
                verbose ? err::println : line -> { }, session.io().environment())) {
            Synthesizer synthesizer = new Synthesizer(runner, new AssemblyReader(),
                    () -> new ContextLookups(session.credentials(), session.clients(), LookupProviders.builtIn()),
                    new ContextFile(config.contextFilePath()), err, Clock.systemUTC());
            SynthResult result = synthesizer.synthesize(request);
            if (verbose) {
                err.println(result.timings().render());
            }
            report(result, err);
            return result;
        }
    }

    static boolean isJsiiBanner(String line) {
        return line.isBlank() || line.startsWith("!!");
    }

    private static void report(SynthResult result, PrintWriter err) {
        CloudAssembly assembly = result.assembly();
        // Several lookups of one stack report the same credentials error on the same construct: print it once.
        assembly.stacks().stream().flatMap(stack -> stack.annotations().stream())
                .filter(a -> a.level() == Annotation.Level.WARNING)
                .map(Annotation::render).distinct().forEach(err::println);
        List<Annotation> errors = assembly.errors();
        if (errors.isEmpty()) {
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
