package io.cdkj.toolkit.api;

import io.cdkj.toolkit.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of one toolkit invocation that every command shares — the Node CDK CLI's global flags.
 *
 * <p>Immutable.
 *
 * @param profile  {@code --profile NAME}: the AWS profile of the default identity
 * @param plugins  {@code --plugin NAME}, in the order given (empty when not given: cdk.json decides)
 * @param context  {@code -c/--context KEY=VALUE}, in the order given, unparsed
 * @param verbose  log what the toolkit does
 * @param debug    debug logs, stack traces on errors, and {@code CDK_DEBUG=true} for the app
 * @param app      {@code -a/--app}: the app command or a cloud assembly directory
 * @param output   {@code -o/--output}: the cloud assembly directory
 * @param roleArn  {@code -r/--role-arn}: the CloudFormation service role for deploy and destroy
 * @param settings the settings flags set ({@code --region}, {@code --no-version-reporting}, ...); the rest unset
 * @param console  how the invocation talks to a person
 * @param strict   {@code --strict}: fail when the app reports warnings; {@code diff} compares
 *                 {@code AWS::CDK::Metadata} too
 */
public record ToolkitOptions(Optional<String> profile, List<String> plugins, List<String> context,
        boolean verbose, boolean debug, Optional<String> app, Optional<Path> output, Optional<String> roleArn,
        Settings settings, Console console, boolean strict) {

    /**
     * Whether the invocation may ask a person and how it prints.
     *
     * @param ci    {@code --[no-]ci}; not given: see {@link #ci(Map)}
     * @param yes   {@code -y/--yes}: answer every question with yes (approve deployments, confirm destroy)
     * @param color {@code --color} / {@code --no-color} (and {@code NO_COLOR}); cdkj prints no colors either way
     */
    public record Console(Optional<Boolean> ci, boolean yes, Optional<Boolean> color) {
        /** Nothing chosen. */
        public static final Console DEFAULT = new Console(Optional.empty(), false, Optional.empty());

        public Console {
            Objects.requireNonNull(ci, "ci");
            Objects.requireNonNull(color, "color");
        }

        /**
         * Whether this is a CI run — never ask, print progress as log lines: {@code --ci}, else whether
         * the {@code CI} variable is set to anything but {@code false} or {@code 0}, as the Node CLI decides.
         */
        public boolean ci(Map<String, String> environment) {
            return ci.orElseGet(() -> {
                String value = environment.get("CI");
                return value != null && !value.equals("false") && !value.equals("0");
            });
        }
    }

    public ToolkitOptions {
        Objects.requireNonNull(profile, "profile");
        plugins = List.copyOf(plugins);
        context = List.copyOf(context);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(console, "console");
    }

    /** Options with the given identity choices and everything else at its default. */
    public ToolkitOptions(Optional<String> profile, List<String> plugins, List<String> context, boolean verbose,
            boolean debug) {
        this(profile, plugins, context, verbose, debug, Optional.empty(), Optional.empty(), Optional.empty(),
                Settings.NONE, Console.DEFAULT, false);
    }
}
