package io.cdkj.toolkit.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one toolkit invocation that every command shares.
 *
 * <p>Immutable.
 *
 * @param profile {@code --profile NAME}: the AWS profile of the default identity
 * @param plugins {@code --plugin NAME}, in the order given (empty when not given: cdk.json decides)
 * @param context {@code -c/--context KEY=VALUE}, in the order given, unparsed
 * @param verbose log what the toolkit does
 * @param debug   debug logs, and stack traces on errors
 */
public record ToolkitOptions(Optional<String> profile, List<String> plugins, List<String> context,
        boolean verbose, boolean debug) {

    public ToolkitOptions {
        Objects.requireNonNull(profile, "profile");
        plugins = List.copyOf(plugins);
        context = List.copyOf(context);
    }

}
