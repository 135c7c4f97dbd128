package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CdkjCli;
import io.cdkj.toolkit.api.Io;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The real {@code cdkj} command tree, read through {@link CdkjCli#execute(String[], Io, List)} with a
 * hidden extra subcommand that walks picocli's model: per command, its own option names (global options
 * listed once, under {@code cdkj}; help/version options of subcommands left out) and its aliases.
 *
 * @param options command ("cdkj", "cdkj synth", …) → option names
 * @param aliases alias or name ("synthesize", "synth", …) → command ("cdkj synth")
 */
record CommandTree(Map<String, Set<String>> options, Map<String, String> aliases) {

    static CommandTree load(Path workingDirectory) {
        StringWriter out = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(new byte[0]), Map.of(), workingDirectory, workingDirectory, List.of());
        assertThat(CdkjCli.execute(new String[] {"options-dump"}, io, List.of(new OptionsDump()))).isZero();
        Map<String, Set<String>> options = new TreeMap<>();
        Map<String, String> aliases = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] parts = line.split("\t");
            Set<String> names = options.computeIfAbsent(parts[0], c -> new TreeSet<>());
            if (parts[1].equals("option")) {
                names.add(parts[2]);
            } else if (parts[1].equals("alias")) {
                aliases.put(parts[2], parts[0]);
            }
        }
        return new CommandTree(options, aliases);
    }

    /** The options of the root command: accepted before or after any subcommand's name. */
    Set<String> globalOptions() {
        return options.get("cdkj");
    }

    /** Prints {@code COMMAND \t option|alias|command \t NAME} lines. */
    @Command(name = "options-dump", hidden = true)
    static final class OptionsDump implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandSpec root = spec.root();
            Set<String> global = root.options().stream().flatMap(o -> Stream.of(o.names())).collect(Collectors.toSet());
            print(root, "cdkj", Set.of());
            root.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct()
                    .filter(sub -> !sub.usageMessage().hidden())
                    .forEach(sub -> print(sub, "cdkj " + sub.name(), global));
            return 0;
        }

        private void print(CommandSpec command, String label, Set<String> skip) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(label + "\tcommand\t" + command.name());
            for (String alias : command.aliases()) {
                out.println(label + "\talias\t" + alias);
            }
            out.println(label + "\talias\t" + command.name());
            for (OptionSpec option : command.options()) {
                boolean standard = option.usageHelp() || option.versionHelp();
                for (String name : option.names()) {
                    if (!skip.contains(name) && !(standard && !skip.isEmpty())) {
                        out.println(label + "\toption\t" + name);
                    }
                }
            }
        }
    }
}
