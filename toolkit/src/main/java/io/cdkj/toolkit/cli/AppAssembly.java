package io.cdkj.toolkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.app.ColdAppRunner;
import io.cdkj.toolkit.app.warm.AppRunners;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.context.ContextFile;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupProviders;
import io.cdkj.toolkit.synth.SynthRequest;
import io.cdkj.toolkit.synth.SynthResult;
import io.cdkj.toolkit.synth.Synthesizer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cloud assembly a deploy, destroy or diff acts on: {@code --app DIR} (or cdk.json's {@code app})
 * naming an existing assembly is read as it is; an app command is synthesized first, with lookups, as
 * {@code cdkj synth} does. Stateless.
 */
final class AppAssembly {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppAssembly() {
    }

    /**
     * @param app    {@code --app}, overriding cdk.json
     * @param output {@code -o/--output}, overriding cdk.json's {@code output}
     * @throws ToolkitException ({@link ErrorCode#USAGE}) when no app is given anywhere
     */
    static CloudAssembly load(ToolkitSession session, Optional<String> app, Optional<Path> output) {
        return load(session, app, output, true);
    }

    /** As {@link #load(ToolkitSession, Optional, Optional)}; {@code warm} false for {@code --no-warm}. */
    static CloudAssembly load(ToolkitSession session, Optional<String> app, Optional<Path> output, boolean warm) {
        ProjectConfiguration config = session.configuration();
        Io io = session.io();
        String command = app.or(config::app).orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                "No app to deploy: pass --app (a command, or a cloud assembly directory such as cdk.out),"
                        + " or set \"app\" in " + io.workingDirectory().resolve(ProjectConfiguration.PROJECT_FILE)));
        Path workingDirectory = io.workingDirectory();
        Optional<Path> directory = assemblyDirectory(workingDirectory, command);
        if (directory.isPresent()) {
            return new AssemblyReader().read(directory.get());
        }
        Consumer<String> appOutput = line -> io.err().println(line);
        // The warm app host (issue 6) unless --no-warm or cdk.json's "cdkj": {"warm": false}.
        AppRunner runner = AppRunners.select(new ColdAppRunner(io.err(), appOutput), warm, workingDirectory, io.err(),
                appOutput, session.options().verbose() ? appOutput : line -> { }, io.environment());
        Synthesizer synthesizer = new Synthesizer(runner, new AssemblyReader(),
                () -> new ContextLookups(session.credentials(), session.clients(), LookupProviders.builtIn()),
                new ContextFile(config.contextFilePath()), io.err(), Clock.systemUTC());
        ObjectNode context = JSON.valueToTree(config.context());
        SynthRequest request = new SynthRequest(command, workingDirectory, output.orElse(config.output()), context,
                Optional.empty(), Optional.of(session.defaultRegion()), true);
        SynthResult result;
        try (runner) {
            result = synthesizer.synthesize(request);
        }
        if (!result.assembly().errors().isEmpty()) {
            throw new ToolkitException(ErrorCode.APP, "The app reported errors: " + result.assembly().errors().get(0).render());
        }
        return result.assembly();
    }

    /** {@code app} as a directory, when it names one (a command line with arguments never does). */
    private static Optional<Path> assemblyDirectory(Path workingDirectory, String app) {
        String trimmed = app.trim();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        try {
            Path path = workingDirectory.resolve(trimmed);
            return path.toFile().isDirectory() ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
