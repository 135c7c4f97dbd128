package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which bootstrap stack of each account holds the assume-role plugin's roles. IAM role names are
 * global to an account, so exactly one stack per account may create {@code cdk-readOnlyRole} and
 * {@code cdk-writeRole}: the one that holds them already, else the environment of that account with
 * the first region name in this run. Stateless.
 */
public final class PluginRolePlacement {

    private PluginRolePlacement() {
    }

    /**
     * @param asked    {@code --with-plugin-roles} (true), {@code --no-with-plugin-roles} (false), or
     *                 neither (empty: every stack keeps what it has)
     * @param current  the current bootstrap stack of each environment of this run (absent: none yet)
     * @return for each environment of {@code current}, its {@code PluginRoles} value to deploy, or empty
     *     to keep what it has
     */
    public static Map<AwsEnvironment, Optional<Boolean>> place(Optional<Boolean> asked,
            Map<AwsEnvironment, Optional<CurrentBootstrap>> current) {
        Map<AwsEnvironment, Optional<Boolean>> placed = new LinkedHashMap<>();
        if (asked.isEmpty() || !asked.get()) {
            current.keySet().forEach(environment -> placed.put(environment, asked));
            return placed;
        }
        Map<String, List<AwsEnvironment>> byAccount = current.keySet().stream()
                .sorted(Comparator.comparing(AwsEnvironment::account).thenComparing(AwsEnvironment::region))
                .collect(Collectors.groupingBy(AwsEnvironment::account, LinkedHashMap::new, Collectors.toList()));
        byAccount.values().forEach(environments -> {
            AwsEnvironment holder = environments.stream()
                    .filter(environment -> holdsRoles(current.get(environment)))
                    .findFirst()
                    .orElse(environments.get(0));
            environments.forEach(environment -> placed.put(environment, Optional.of(environment.equals(holder))));
        });
        return placed;
    }

    private static boolean holdsRoles(Optional<CurrentBootstrap> stack) {
        return stack.map(s -> "true".equals(s.parameters().get(BootstrapParameterNames.PLUGIN_ROLES))).orElse(false);
    }
}
