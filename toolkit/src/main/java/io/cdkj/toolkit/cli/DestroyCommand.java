package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.deploy.DeployEngine;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.Sleeper;
import io.cdkj.toolkit.deploy.StackDeployment;
import io.cdkj.toolkit.deploy.StackSelection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj destroy}: deletes the selected stacks (and the stacks depending on them), dependents
 * first, with WRITE credentials per stack, after a confirmation on stdin unless {@code --force}.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete stacks, dependents first, each with WRITE credentials for its account.",
            "Asks for confirmation on the terminal unless --force; without a terminal, --force is required."})
public final class DestroyCommand extends SessionCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*", description = "Stacks to destroy; the stacks depending on them are added.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--all", description = "Destroy every stack of the app.")
    private boolean all;

    @Option(names = {"-e", "--exclusively"}, description = "Do not add the stacks that depend on the selected ones.")
    private boolean exclusively;

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
    private boolean force;

    @Option(names = {"-a", "--app"}, paramLabel = "COMMAND|DIR", description = "The app command, or a cloud assembly directory.")
    private String app;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "CloudFormation service role for the deletion.")
    private String roleArn;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY,
            description = "Stacks deleted at the same time (default ${DEFAULT-VALUE}); see 'cdkj deploy --help'.")
    private int concurrency;

    @Override
    protected int run(ToolkitSession session) {
        var assembly = AppAssembly.load(session, Optional.ofNullable(app), Optional.empty());
        List<StackDeployment> selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.DOWNSTREAM);
        Io io = session.io();
        String names = selected.stream().map(s -> s.stackName() + " (" + s.environment() + ")").collect(Collectors.joining(", "));
        if (!force && !confirmed(io, names)) {
            io.err().println("Destroy cancelled; nothing was deleted.");
            return 0;
        }
        new DeployEngine(session.credentials(), session.clients(), io.err(), io.out(), Sleeper.SYSTEM,
                Clock.systemDefaultZone()).destroy(selected, Optional.ofNullable(roleArn), Math.max(1, concurrency));
        return 0;
    }

    /** Asks on the terminal; a non-interactive stdin is an error, so a CI job never hangs on the question. */
    private static boolean confirmed(Io io, String names) {
        if (!interactive(io)) {
            throw new ToolkitException(ErrorCode.USAGE, "Refusing to destroy " + names
                    + " without confirmation: stdin is not a terminal. Pass --force to destroy without asking.");
        }
        io.err().print("Are you sure you want to delete: " + names + " (y/n)? ");
        io.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot read the confirmation from stdin (" + e.getMessage()
                    + "); pass --force", e);
        }
    }

    /** Only the process's own stdin attached to a console can answer; an injected stream never is. */
    private static boolean interactive(Io io) {
        return io.in() == System.in && System.console() != null;
    }
}
