package io.cdkj.toolkit.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every {@code cdkj} command accepts, after parsing.
 *
 * @param profile   {@code --profile NAME}: the AWS profile of the default identity
 * @param plugins   {@code --plugin NAME}, in the order given (empty when not given)
 * @param context   {@code -c/--context KEY=VALUE}, in the order given, unparsed
 * @param verbose   {@code --verbose}
 * @param debug     {@code --debug}: stack traces and debug logs
 */
public record GlobalOptions(Optional<String> profile, List<String> plugins, List<String> context,
        boolean verbose, boolean debug) {

    public GlobalOptions {
        Objects.requireNonNull(profile, "profile");
        plugins = List.copyOf(plugins);
        context = List.copyOf(context);
    }

    /**
     * The options of the root command followed by those given after the subcommand name: lists are
     * concatenated in command-line order, a later profile wins, flags are set if set anywhere.
     */
    public static GlobalOptions merge(GlobalOptions outer, GlobalOptions inner) {
        java.util.List<String> plugins = new java.util.ArrayList<>(outer.plugins());
        plugins.addAll(inner.plugins());
        java.util.List<String> context = new java.util.ArrayList<>(outer.context());
        context.addAll(inner.context());
        return new GlobalOptions(inner.profile().or(outer::profile), plugins, context,
                outer.verbose() || inner.verbose(), outer.debug() || inner.debug());
    }

    /** No options given. */
    public static GlobalOptions none() {
        return new GlobalOptions(Optional.empty(), List.of(), List.of(), false, false);
    }
}
