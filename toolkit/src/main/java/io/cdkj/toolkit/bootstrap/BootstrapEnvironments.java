package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which environments {@code cdkj bootstrap} prepares: the ones named ({@code aws://ACCOUNT/REGION}),
 * the app's environments matching the ones named with {@code *} wildcards ({@code aws://*}{@code /eu-west-1}),
 * or, with none named, every concrete environment of the app's stacks. The app is only synthesized
 * when it is needed. Stateless.
 */
public final class BootstrapEnvironments {

    private BootstrapEnvironments() {
    }

    /**
     * @param given the command line's environments
     * @param app   the concrete environments of the app's stacks, in manifest order (synthesizes)
     * @return distinct environments, in the order given (or the app's)
     * @throws ToolkitException ({@link ErrorCode#USAGE}) for a malformed environment, a wildcard matching
     *     nothing, or an app without concrete environments
     */
    /** The concrete environments of {@code assembly}'s stacks, in manifest order (what bootstrapping "the app" means). */
    public static List<AwsEnvironment> of(CloudAssembly assembly) {
        return assembly.stacks().stream().map(StackArtifact::concreteEnvironment).flatMap(Optional::stream).toList();
    }

    public static List<AwsEnvironment> select(List<String> given, Supplier<List<AwsEnvironment>> app) {
        if (given.isEmpty()) {
            List<AwsEnvironment> all = List.copyOf(new LinkedHashSet<>(app.get()));
            if (all.isEmpty()) {
                throw new ToolkitException(ErrorCode.USAGE, "The app has no stack with a concrete environment;"
                        + " name the environments to bootstrap: cdkj bootstrap aws://ACCOUNT/REGION");
            }
            return all;
        }
        Set<AwsEnvironment> selected = new LinkedHashSet<>();
        List<AwsEnvironment> appEnvironments = null;
        for (String spec : given) {
            if (spec.contains("*")) {
                if (appEnvironments == null) {
                    appEnvironments = app.get();
                }
                Pattern glob = glob(spec);
                List<AwsEnvironment> matching = appEnvironments.stream()
                        .filter(environment -> glob.matcher(environment.toString()).matches()).toList();
                if (matching.isEmpty()) {
                    throw new ToolkitException(ErrorCode.USAGE, "'" + spec + "' matches no environment of the app's stacks"
                            + " (they are " + appEnvironments + ")");
                }
                selected.addAll(matching);
            } else {
                selected.add(concrete(spec));
            }
        }
        return new ArrayList<>(selected);
    }

    private static AwsEnvironment concrete(String spec) {
        Optional<AwsEnvironment> environment;
        try {
            environment = AwsEnvironment.parse(spec);
        } catch (IllegalArgumentException e) {
            environment = Optional.empty();
        }
        return environment.orElseThrow(() -> new ToolkitException(ErrorCode.USAGE, "'" + spec
                + "' is not an environment: use aws://ACCOUNT/REGION, e.g. aws://444455556666/eu-west-1"));
    }

    private static Pattern glob(String spec) {
        StringBuilder regex = new StringBuilder();
        for (String part : spec.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
