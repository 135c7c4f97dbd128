package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.deploy.Approver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Asks deploy approvals on the terminal ({@code y}/{@code yes} approves, anything else or end of input
 * declines), or — with {@code --yes} — answers yes itself and says so. Without a terminal, or in a CI
 * run, there is no one to ask.
 *
 * <p>Not thread-safe; the deploy engine asks one question at a time.
 */
final class TerminalApprover implements Approver {

    private final Io io;
    private final boolean ci;
    private final boolean yes;
    private BufferedReader answers;

    TerminalApprover(Io io, boolean ci, boolean yes) {
        this.io = io;
        this.ci = ci;
        this.yes = yes;
    }

    @Override
    public boolean interactive() {
        return yes || Confirmation.interactive(io, ci);
    }

    @Override
    public boolean approve(String question) {
        if (yes) {
            io.err().println(question + "? (auto-confirmed: --yes)");
            io.err().flush();
            return true;
        }
        io.err().print(question + " (y/n)? ");
        io.err().flush();
        try {
            if (answers == null) {
                answers = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
            }
            String answer = answers.readLine();
            return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot read the answer from stdin (" + e.getMessage()
                    + "); pass --require-approval never to deploy without asking", e);
        }
    }
}
