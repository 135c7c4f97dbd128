package io.cdkj.toolkit.app;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.io.File;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code "build"} command of cdk.json ({@code --build}), run before every synthesis as the Node CDK
 * CLI runs it: {@code sh -c COMMAND} in the project directory with the toolkit's environment, its
 * output shown on stderr.
 *
 * <p>Stateless.
 */
public final class BuildCommand {

    private BuildCommand() {
    }

    /**
     * Runs {@code command} and waits for it.
     *
     * @throws ToolkitException ({@link ErrorCode#APP}) naming the command and its exit code when it fails
     */
    public static void run(String command, Path workingDirectory, Map<String, String> environment, PrintWriter output) {
        output.println("Running build: " + AppCommandLine.summary(command));
        output.flush();
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.println(line);
                    output.flush();
                }
            }
            int exit = process.waitFor();
            output.flush();
            if (exit != 0) {
                throw new ToolkitException(ErrorCode.APP, "The build command failed with exit code " + exit + ": "
                        + UntrustedText.excerpt(command) + " (\"build\" in cdk.json or --build; run it by hand in " + workingDirectory + ")");
            }
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot run the build command '" + UntrustedText.excerpt(command)
                    + "' in " + workingDirectory + ": " + UntrustedText.excerpt(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while the build command was running.", e);
        }
    }
}
