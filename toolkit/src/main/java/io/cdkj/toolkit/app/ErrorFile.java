package io.cdkj.toolkit.app;

import io.cdkj.toolkit.UntrustedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file aws-cdk-lib writes the code of a CDK-specific error to ({@code CDK_ERROR_FILE}), placed
 * where the Node CDK CLI places it: {@code error.txt} in the output directory, removed before each
 * run. The Node CLI attaches the code to its failure report; cdkj names it in the app-failed message.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorFile {

    /** aws-cdk-lib's {@code cxapi.ERRORFILE_ENV}. */
    public static final String ENV = "CDK_ERROR_FILE";

    private ErrorFile() {
    }

    /** Where the app of a run into {@code outputDirectory} writes its error code. */
    public static Path in(Path outputDirectory) {
        return outputDirectory.resolve("error.txt");
    }

    /** Removes an earlier run's file, so a code always belongs to the run that just ended. */
    public static void clear(Path outputDirectory) {
        try {
            Files.deleteIfExists(in(outputDirectory));
        } catch (IOException e) {
            // unreadable or undeletable: a stale code is only shown in an error message
        }
    }

    /** The first line of the file, when the app wrote one. */
    static Optional<String> code(Path outputDirectory) {
        try {
            return Files.readString(in(outputDirectory), StandardCharsets.UTF_8).lines().findFirst()
                    .map(String::strip).filter(line -> !line.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code " (aws-cdk-lib error code CODE)"}, or nothing. */
    public static String describe(Path outputDirectory) {
        return code(outputDirectory).map(code -> " (aws-cdk-lib error code " + UntrustedText.excerpt(code) + ")").orElse("");
    }
}
