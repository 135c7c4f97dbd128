package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.UntrustedText;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.plugins.LoadFailure;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import io.cdkj.toolkit.plugins.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code cdkj plugins}: the plugins found (name, availability, jar) and those that failed to load; what
 * plugins wrote (names, reasons) is shown one line each ({@link UntrustedText}).
 */
@Command(name = "plugins", description = "List the credential plugins found and the ones that failed to load.")
public final class PluginsCommand extends ToolkitCommand {

    @Override
    protected int run(Toolkit toolkit) {
        PluginRegistry registry = toolkit.plugins();
        List<String> selected = toolkit.configuration().plugins();
        PrintWriter out = toolkit.io().out();
        List<LoadedPlugin> plugins = registry.plugins();
        if (plugins.isEmpty()) {
            out.println("No credential plugins found. Put plugin jars in ./plugins, ~/.cdkj/plugins or CDKJ_PLUGIN_PATH.");
        } else {
            int width = Math.max(4, plugins.stream().mapToInt(p -> p.name().length()).max().orElse(0));
            out.printf("%-" + width + "s  %-9s  %-8s  %s%n", "NAME", "STATUS", "SELECTED", "LOCATION");
            for (LoadedPlugin plugin : plugins) {
                out.printf("%-" + width + "s  %-9s  %-8s  %s%n", UntrustedText.excerpt(plugin.name()),
                        plugin.available() ? "available" : "unavailable",
                        selected.contains(plugin.name()) ? "yes (" + (selected.indexOf(plugin.name()) + 1) + ")" : "no",
                        plugin.location());
                plugin.unavailableReason().ifPresent(reason -> out.println("  reason: " + UntrustedText.message(reason)));
            }
        }
        if (!registry.failures().isEmpty()) {
            out.println();
            out.println("Failed to load:");
            for (LoadFailure failure : registry.failures()) {
                out.println("  " + failure.location() + ": " + UntrustedText.message(failure.message()));
            }
        }
        return 0;
    }
}
