package io.cdkj.toolkit.bootstrap;

import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.AWS_MANAGED_KEY;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.BUCKET_NAME;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.CREATE_KEY;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.DENY_EXTERNAL_ID;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.EXECUTION_POLICIES;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.KMS_KEY_ID;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.PLUGIN_ROLES;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.PUBLIC_ACCESS_BLOCK;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.QUALIFIER;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.TRUSTED_ACCOUNTS;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.TRUSTED_ACCOUNTS_FOR_LOOKUP;
import static io.cdkj.toolkit.bootstrap.BootstrapParameterNames.VARIANT;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides one environment's bootstrap parameters from the options and the current bootstrap stack,
 * as the Node CLI does when it re-bootstraps:
 * <ul>
 *   <li>{@code --trust} / {@code --trust-for-lookup} given: exactly those accounts; not given: the
 *       accounts trusted now; {@code --untrust} then removes accounts from both;</li>
 *   <li>{@code --cloudformation-execution-policies}: given, else the current ones; none at all is
 *       allowed only without trusted accounts (the template then uses AdministratorAccess, said as a
 *       warning); with trusted accounts it is an error, because trusting an account to deploy with
 *       unstated permissions is not a choice to make by default;</li>
 *   <li>the KMS key: {@code --bootstrap-kms-key-id}, else a new key with {@code --bootstrap-customer-key},
 *       S3's AWS managed key with {@code --no-bootstrap-customer-key}, else the current choice, else the
 *       AWS managed key;</li>
 *   <li>{@code --public-access-block-configuration}: given, else {@code true} (not the current value,
 *       as the Node CLI);</li>
 *   <li>every other parameter the template declares: given, else its current value, else the
 *       template's default ({@code BootstrapVariant} always comes from the template).</li>
 * </ul>
 * Every declared parameter with a value is passed explicitly, defaults included, so the same inputs
 * always produce the same parameter set (and a re-run is a change set without changes).
 * Parameters the template does not declare are left out, except that asking for
 * {@code --deny-external-id} or {@code --with-plugin-roles} from a template without them is an error.
 * Stateless.
 */
public final class BootstrapParameters {

    private BootstrapParameters() {
    }

    /**
     * @param pluginRoles whether this environment's stack holds the plugin roles (see
     *                    {@link PluginRolePlacement}); empty to keep what it has
     * @param partition   the environment's partition, for the policy ARN named in the warning
     * @throws ToolkitException ({@link ErrorCode#USAGE}) for trusted accounts without execution
     *     policies, plugin roles without trusted accounts, or an option the template cannot take
     */
    public static BootstrapPlan resolve(BootstrapOptions options, BootstrapTemplate template,
            Optional<CurrentBootstrap> current, Optional<Boolean> pluginRoles, String partition) {
        Map<String, String> previous = current.map(CurrentBootstrap::parameters).orElse(Map.of());
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        List<String> trusted = withoutUntrusted(options.trust().isEmpty() ? split(previous.get(TRUSTED_ACCOUNTS))
                : options.trust(), options);
        List<String> lookupOnly = withoutUntrusted(options.trustForLookup().isEmpty()
                ? split(previous.get(TRUSTED_ACCOUNTS_FOR_LOOKUP)) : options.trustForLookup(), options);
        chosen.put(TRUSTED_ACCOUNTS, String.join(",", trusted));
        chosen.put(TRUSTED_ACCOUNTS_FOR_LOOKUP, String.join(",", lookupOnly));
        notes.add("trusted accounts for deployment: " + listed(trusted));
        notes.add("trusted accounts for lookup: " + listed(lookupOnly));

        List<String> policies = options.executionPolicies().isEmpty() ? split(previous.get(EXECUTION_POLICIES))
                : options.executionPolicies();
        if (policies.isEmpty() && trusted.isEmpty()) {
            warnings.add("using the default execution policy arn:" + partition + ":iam::aws:policy/AdministratorAccess"
                    + " (pass --cloudformation-execution-policies to choose)");
        } else if (policies.isEmpty()) {
            throw new ToolkitException(ErrorCode.USAGE, "--cloudformation-execution-policies is required when"
                    + " trusting accounts (" + String.join(", ", trusted) + "): name the managed policies their"
                    + " deployments may use, e.g. arn:" + partition + ":iam::aws:policy/AdministratorAccess");
        } else {
            notes.add("execution policies: " + String.join(", ", policies));
        }
        chosen.put(EXECUTION_POLICIES, String.join(",", policies));

        chosen.put(KMS_KEY_ID, options.kmsKeyId()
                .or(() -> options.customerKey().map(create -> create ? CREATE_KEY : AWS_MANAGED_KEY))
                .or(() -> Optional.ofNullable(previous.get(KMS_KEY_ID)))
                .orElse(AWS_MANAGED_KEY));
        chosen.put(PUBLIC_ACCESS_BLOCK, String.valueOf(options.publicAccessBlock().orElse(true)));
        options.qualifier().ifPresent(value -> chosen.put(QUALIFIER, value));
        options.bucketName().ifPresent(value -> chosen.put(BUCKET_NAME, value));
        options.denyExternalId().ifPresent(deny -> chosen.put(DENY_EXTERNAL_ID, String.valueOf(deny)));
        pluginRoles.ifPresent(here -> chosen.put(PLUGIN_ROLES, String.valueOf(here)));

        requireDeclared(template, DENY_EXTERNAL_ID, options.denyExternalId().isPresent(), "--[no-]deny-external-id");
        requireDeclared(template, PLUGIN_ROLES, pluginRoles.orElse(false), "--with-plugin-roles");
        boolean pluginRolesAfter = Boolean.parseBoolean(chosen.getOrDefault(PLUGIN_ROLES,
                previous.getOrDefault(PLUGIN_ROLES, "false")));
        if (pluginRolesAfter && trusted.isEmpty()) {
            throw new ToolkitException(ErrorCode.USAGE, "--with-plugin-roles needs trusted accounts (--trust ACCOUNT):"
                    + " cdk-readOnlyRole and cdk-writeRole trust only them");
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : template.parameterNames()) {
            Optional<String> value = Optional.ofNullable(chosen.get(name))
                    .or(() -> VARIANT.equals(name) ? Optional.empty() : Optional.ofNullable(previous.get(name)))
                    .or(() -> template.defaultOf(name));
            value.ifPresent(v -> parameters.put(name, v));
        }
        boolean protection = options.terminationProtection()
                .orElse(current.map(CurrentBootstrap::terminationProtection).orElse(false));
        Optional<Map<String, String>> tags = options.tags().isEmpty() ? Optional.empty() : Optional.of(options.tags());
        return new BootstrapPlan(parameters, protection, tags, notes, warnings);
    }

    /**
     * The checks that need only the options and the template, made before any environment is contacted.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) for {@code --[no-]deny-external-id} or
     *     {@code --[no-]with-plugin-roles} with a template that lacks their parameter
     */
    public static void requireAccepted(BootstrapOptions options, BootstrapTemplate template) {
        requireDeclared(template, DENY_EXTERNAL_ID, options.denyExternalId().isPresent(), "--[no-]deny-external-id");
        requireDeclared(template, PLUGIN_ROLES, options.pluginRoles().isPresent(), "--[no-]with-plugin-roles");
    }

    /** A list parameter's value: comma-separated, the empty string being the empty list. */
    static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> withoutUntrusted(List<String> accounts, BootstrapOptions options) {
        return accounts.stream().filter(account -> !options.untrust().contains(account)).distinct().toList();
    }

    private static String listed(List<String> accounts) {
        return accounts.isEmpty() ? "(none)" : String.join(", ", accounts);
    }

    private static void requireDeclared(BootstrapTemplate template, String parameter, boolean asked, String option) {
        if (asked && !template.declares(parameter)) {
            throw new ToolkitException(ErrorCode.USAGE, option + " needs a template declaring the " + parameter
                    + " parameter; " + template.source() + " does not");
        }
    }
}
