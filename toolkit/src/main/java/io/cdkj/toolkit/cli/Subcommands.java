package io.cdkj.toolkit.cli;

import java.util.List;

/**
 * The subcommands of {@code cdkj}. To add one: write a class extending {@link ToolkitCommand} (or any
 * picocli {@code Callable<Integer>} with a public no-arg constructor) and add it here, one line.
 */
final class Subcommands {

    private Subcommands() {
    }

    static List<Class<?>> all() {
        return List.of(
                PluginsCommand.class,
                CredentialsCommand.class,
                SynthCommand.class,
                ListCommand.class,
                ContextCommand.class,
                DeployCommand.class,
                BootstrapCommand.class,
                DestroyCommand.class,
                DiffCommand.class);
    }
}
