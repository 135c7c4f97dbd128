package io.cdkj.toolkit.deploy.assets.docker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One program to run, without a shell: the argument array as given (no quoting, no word splitting).
 *
 * @param arguments     program and arguments
 * @param workDirectory where it runs
 * @param environment   variables set on top of the runner's environment
 * @param stdin         what it reads on standard input (e.g. a registry password); empty: nothing
 *
 * <p>Immutable. {@link #toString()} never shows {@code stdin}.
 */
public record CommandLine(List<String> arguments, Path workDirectory, Map<String, String> environment,
        Optional<String> stdin) {

    public CommandLine {
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(workDirectory, "workDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stdin, "stdin");
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
    }

    /** {@code arguments} in {@code workDirectory}, nothing else. */
    public static CommandLine of(List<String> arguments, Path workDirectory) {
        return new CommandLine(arguments, workDirectory, Map.of(), Optional.empty());
    }

    /** The program and its first argument, e.g. {@code docker push}: what messages call the command. */
    public String summary() {
        Path program = Path.of(arguments.get(0)).getFileName();
        String name = program == null ? arguments.get(0) : program.toString();
        return arguments.size() > 1 && !arguments.get(1).startsWith("-") ? name + " " + arguments.get(1) : name;
    }

    @Override
    public String toString() {
        return "CommandLine" + arguments + " in " + workDirectory + (stdin.isPresent() ? " (with stdin)" : "");
    }
}
