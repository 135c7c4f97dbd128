package io.cdkj.toolkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.config.NodeJson;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.context.ContextFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cdkj context}: lists the values cached in {@code cdk.context.json} (numbered, as the CDK CLI
 * does; {@code --json} for the raw object), {@code --reset KEY|NUMBER} removes one so the next synth
 * looks it up again, {@code --clear} removes all. Values set in cdk.json or with {@code --context}
 * are not cached values and cannot be reset here. Not thread-safe; filled by picocli.
 */
@Command(name = "context", description = "Show, reset or clear the context values cached in cdk.context.json.")
public final class ContextCommand extends ToolkitCommand {

    private static final int VALUE_WIDTH = 60;

    static final class Action {
        @Option(names = {"-e", "--reset"}, paramLabel = "KEY_OR_NUMBER",
                description = "Remove one cached value, by key or by its number in the listing.")
        String reset;

        @Option(names = "--clear", description = "Remove every cached value.")
        boolean clear;
    }

    @ArgGroup(exclusive = true)
    private Action action;

    @Option(names = {"-j", "--json"}, description = "Print the cached values as JSON.")
    private boolean json;

    @Option(names = {"-f", "--force"}, description = "With --reset: no error when there is no such cached value.")
    private boolean force;

    @Override
    protected int run(Toolkit toolkit) throws Exception {
        ProjectConfiguration config = toolkit.configuration();
        ContextFile file = new ContextFile(config.contextFilePath());
        PrintWriter out = toolkit.io().out();
        if (action != null && action.clear) {
            file.clear();
            out.println("All cached context values in " + file.path() + " were removed."
                    + " They will be looked up again on the next synth.");
            return 0;
        }
        if (action != null && action.reset != null) {
            reset(file, config, action.reset, force, out);
            return 0;
        }
        list(file.load(), file, out);
        return 0;
    }

    private void list(ObjectNode values, ContextFile file, PrintWriter out) throws Exception {
        if (json) {
            out.println(NodeJson.stringify(values));
            return;
        }
        if (values.isEmpty()) {
            out.println("This CDK application does not have any saved context values yet.");
            out.println("Context is saved to " + file.path() + " when you synthesize apps that look up"
                    + " environment information (SSM parameters, VPCs, availability zones, ...).");
            return;
        }
        out.println("Context found in " + file.path() + ":");
        out.println();
        List<String> keys = keys(values);
        int keyWidth = Math.max(3, keys.stream().mapToInt(String::length).max().orElse(0));
        int numberWidth = String.valueOf(keys.size()).length();
        out.printf("%" + numberWidth + "s  %-" + keyWidth + "s  %s%n", "#", "KEY", "VALUE");
        for (int i = 0; i < keys.size(); i++) {
            out.printf("%" + numberWidth + "d  %-" + keyWidth + "s  %s%n", i + 1, keys.get(i),
                    abbreviate(values.get(keys.get(i))));
        }
        out.println();
        out.println("Run cdkj context --reset KEY_OR_NUMBER to remove a context key."
                + " It will be refreshed on the next synth.");
    }

    private static void reset(ContextFile file, ProjectConfiguration config, String keyOrNumber, boolean force,
            PrintWriter out) {
        List<String> keys = keys(file.load());
        String key = keyOrNumber;
        if (!keys.contains(keyOrNumber) && keyOrNumber.matches("\\d+")) {
            int index = Integer.parseInt(keyOrNumber);
            if (index >= 1 && index <= keys.size()) {
                key = keys.get(index - 1);
            }
        }
        if (!keys.contains(key)) {
            if (config.project().context().containsKey(key) || config.commandLine().containsKey(key)) {
                throw new ToolkitException(ErrorCode.USAGE, "Cannot reset context value '" + key + "': it is set in"
                        + " cdk.json or with --context, not cached in cdk.context.json. Change it there.");
            }
            if (force) {
                out.println("No cached context value " + keyOrNumber + "; nothing to reset (--force).");
                return;
            }
            throw new ToolkitException(ErrorCode.USAGE, "No cached context value with key or number '" + keyOrNumber
                    + "' in " + file.path() + ". Run 'cdkj context' to list them.");
        }
        file.remove(key);
        out.println("Context value " + key + " reset. It will be refreshed on the next synth.");
    }

    private static List<String> keys(ObjectNode values) {
        List<String> keys = new ArrayList<>();
        values.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        return keys;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 3) + "...";
    }
}
