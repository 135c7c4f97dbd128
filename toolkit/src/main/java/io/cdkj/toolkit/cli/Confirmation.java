package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Io;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A yes/no question on the terminal before something destructive. Without a terminal the question
 * is not asked at all: the caller's action fails with the flag that skips it, so a CI job never
 * hangs waiting for an answer. Stateless.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * @param interactive whether {@code in} is a terminal a person can answer on
     * @param what        what is about to happen, e.g. {@code delete: devSampleApp (aws://...)}
     * @param skipFlag    the flag that skips the question, named in the error
     * @return whether the answer was yes ({@code y}/{@code yes}, any case); end of input is no
     * @throws ToolkitException ({@link ErrorCode#USAGE}) when not interactive
     */
    static boolean ask(InputStream in, boolean interactive, PrintWriter prompt, String what, String skipFlag) {
        if (!interactive) {
            throw new ToolkitException(ErrorCode.USAGE, "Refusing to " + what
                    + " without confirmation: stdin is not a terminal. Pass " + skipFlag + " to go ahead without asking.");
        }
        prompt.print("Are you sure you want to " + what + " (y/n)? ");
        prompt.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot read the confirmation from stdin (" + e.getMessage()
                    + "); pass " + skipFlag, e);
        }
    }

    /** Whether someone can answer: a terminal ({@link Io#terminal()}), and not a CI run. */
    static boolean interactive(Io io, boolean ci) {
        return io.terminal() && !ci;
    }
}
