package io.cdkj.plugin.assumerole;

import static io.cdkj.plugin.assumerole.ContextKeys.*;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates every setting of the plugin from a {@link Configuration}, without any network
 * call: the context keys under {@code assume-role-credentials:}, each entry of the accounts map, and
 * the {@code CDKJ_ASSUME_ROLE_*} environment variables. The whole configuration is checked, not just
 * the part a request needs, so a typo in any entry is reported the first time the plugin is asked.
 * Stateless.
 */
final class SettingsParser {

    private static final Pattern VALID_REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");
    private static final Pattern VALID_EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    /** Context-level key → environment variable, for the settings both levels can hold. */
    private static final Map<String, String> ENV_FOR_KEY = Map.of(
            READ_IAM_ROLE_NAME, ENV_READ_ROLE_NAME,
            WRITE_IAM_ROLE_NAME, ENV_WRITE_ROLE_NAME,
            READ_ROLE_ARN, ENV_READ_ROLE_ARN,
            WRITE_ROLE_ARN, ENV_WRITE_ROLE_ARN,
            EXTERNAL_ID, ENV_EXTERNAL_ID,
            ROLE_SESSION_NAME, ENV_SESSION_NAME,
            DURATION_SECONDS, ENV_DURATION_SECONDS);

    private SettingsParser() {
    }

    /**
     * @throws CredentialProviderException naming the key and the value of the first invalid setting
     */
    static ParsedConfiguration parse(Configuration configuration) {
        Map<String, Object> context = configuration.contextWithPrefix(PREFIX);
        rejectUnknownContextKeys(context);
        Map<String, String> environment = ourEnvironment(configuration);

        ConfigLayer contextLayer = layer("context", key -> Optional.ofNullable(context.get(qualified(key))),
                ContextKeys::qualified);
        ConfigLayer environmentLayer = layer("environment",
                key -> Optional.ofNullable(environment.get(ENV_FOR_KEY.get(key))), ENV_FOR_KEY::get);
        Map<String, ConfigLayer> accounts = Optional.ofNullable(context.get(qualified(ACCOUNTS)))
                .map(SettingsParser::accounts)
                .orElse(Map.of());

        Optional<Setting<Set<String>>> allowedAccounts = firstOf(
                Optional.ofNullable(context.get(qualified(ALLOWED_ACCOUNTS))).map(value ->
                        new Setting<>(ConfigValues.accountIds(value, qualified(ALLOWED_ACCOUNTS)), qualified(ALLOWED_ACCOUNTS))),
                Optional.ofNullable(environment.get(ENV_ALLOWED_ACCOUNTS)).map(value ->
                        new Setting<>(ConfigValues.accountIds(value, ENV_ALLOWED_ACCOUNTS), ENV_ALLOWED_ACCOUNTS)));
        Optional<Setting<String>> stsRegion = firstOf(
                Optional.ofNullable(context.get(qualified(STS_REGION))).map(value ->
                        stsRegion(ConfigValues.string(value, qualified(STS_REGION)), qualified(STS_REGION))),
                Optional.ofNullable(environment.get(ENV_STS_REGION)).map(value -> stsRegion(value, ENV_STS_REGION)));

        return new ParsedConfiguration(accounts, contextLayer, environmentLayer, allowedAccounts, stsRegion);
    }

    private static void rejectUnknownContextKeys(Map<String, Object> context) {
        context.forEach((key, value) -> {
            if (!CONTEXT_KEYS.contains(key.substring(PREFIX.length()))) {
                throw new CredentialProviderException(key + " (set to " + ConfigValues.describe(value)
                        + ") is not a setting of the assume-role plugin; the known keys are: " + knownContextKeys());
            }
        });
    }

    /**
     * The plugin's environment variables, blank ones left out (CI systems often export empty values) —
     * except the allowed-accounts guard: a blank guard is refused rather than read as "no guard".
     */
    private static Map<String, String> ourEnvironment(Configuration configuration) {
        Map<String, String> ours = new TreeMap<>();
        configuration.environment().forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX) || value.isBlank() && !name.equals(ENV_ALLOWED_ACCOUNTS)) {
                return;
            }
            if (!ENV_VARIABLES.contains(name)) {
                throw new CredentialProviderException("environment variable " + name + " (set to '" + value
                        + "') is not a setting of the assume-role plugin; the known variables are: "
                        + String.join(", ", ENV_VARIABLES));
            }
            ours.put(name, value.trim());
        });
        return ours;
    }

    private static Map<String, ConfigLayer> accounts(Object value) {
        Map<String, ConfigLayer> accounts = new TreeMap<>();
        ConfigValues.object(value, qualified(ACCOUNTS)).forEach((account, entryValue) -> {
            ConfigValues.accountId(account, qualified(ACCOUNTS));
            Map<String, Object> entry = ConfigValues.object(entryValue, qualified(ACCOUNTS) + "." + account);
            entry.forEach((key, keyValue) -> {
                if (!ACCOUNT_ENTRY_KEYS.contains(key)) {
                    throw new CredentialProviderException(accountKey(account, key) + " (set to "
                            + ConfigValues.describe(keyValue) + ") is not a per-account setting; an entry of "
                            + qualified(ACCOUNTS) + " may hold: " + String.join(", ", ACCOUNT_ENTRY_KEYS));
                }
            });
            accounts.put(account, layer(ACCOUNTS + "." + account, key -> Optional.ofNullable(entry.get(key)),
                    key -> accountKey(account, key)));
        });
        return Map.copyOf(accounts);
    }

    /**
     * Reads one level.
     *
     * @param raw     the raw value of a key (an unprefixed name from {@link ContextKeys#ACCOUNT_ENTRY_KEYS})
     * @param display how to name that key in messages
     */
    private static ConfigLayer layer(String level, Function<String, Optional<Object>> raw, Function<String, String> display) {
        return new ConfigLayer(level,
                role(level, "read", raw, display, READ_IAM_ROLE_NAME, READ_ROLE_ARN),
                role(level, "write", raw, display, WRITE_IAM_ROLE_NAME, WRITE_ROLE_ARN),
                raw.apply(EXTERNAL_ID).map(value -> externalId(ConfigValues.string(value, display.apply(EXTERNAL_ID)),
                        display.apply(EXTERNAL_ID))),
                raw.apply(ROLE_SESSION_NAME).map(value -> {
                    String key = display.apply(ROLE_SESSION_NAME);
                    return new Setting<>(SessionNames.validate(ConfigValues.string(value, key), key), key);
                }),
                raw.apply(DURATION_SECONDS).map(value -> duration(value, display.apply(DURATION_SECONDS))));
    }

    /** A role from its name key or its ARN key; both at one level is a conflict, not a precedence question. */
    private static Optional<RoleArnTemplate> role(String level, String mode, Function<String, Optional<Object>> raw,
            Function<String, String> display, String nameKey, String arnKey) {
        Optional<Object> name = raw.apply(nameKey);
        Optional<Object> arn = raw.apply(arnKey);
        if (name.isPresent() && arn.isPresent()) {
            throw new CredentialProviderException(display.apply(nameKey) + " (" + ConfigValues.describe(name.get()) + ") and "
                    + display.apply(arnKey) + " (" + ConfigValues.describe(arn.get()) + ") both set the " + mode
                    + " role at the same level (" + level + "); remove one of them");
        }
        if (name.isPresent()) {
            String key = display.apply(nameKey);
            return Optional.of(RoleArnTemplate.roleName(ConfigValues.string(name.get(), key), key));
        }
        return arn.map(value -> {
            String key = display.apply(arnKey);
            return RoleArnTemplate.roleArn(ConfigValues.string(value, key), key);
        });
    }

    private static Setting<Integer> duration(Object value, String key) {
        int seconds = ConfigValues.integer(value, key);
        if (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
            throw new CredentialProviderException(key + " is " + seconds + ", but STS accepts session durations from "
                    + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS + " seconds (and the role's maximum session "
                    + "duration must allow it)");
        }
        return new Setting<>(seconds, key);
    }

    /** External IDs are not secret, but they are not echoed either: the message gives only the length. */
    private static Setting<String> externalId(String value, String key) {
        if (!VALID_EXTERNAL_ID.matcher(value).matches()) {
            throw new CredentialProviderException(key + " is not a valid external ID (" + value.length()
                    + " characters): STS accepts 2 to 1224 of the characters A-Z a-z 0-9 + = , . @ : / _ -");
        }
        return new Setting<>(value, key);
    }

    private static Setting<String> stsRegion(String value, String key) {
        if (!VALID_REGION.matcher(value).matches()) {
            throw new CredentialProviderException(key + " is '" + value + "', which is not an AWS region name (e.g. us-east-1)");
        }
        return new Setting<>(value, key);
    }

    @SafeVarargs
    private static <T> Optional<T> firstOf(Optional<T>... candidates) {
        for (Optional<T> candidate : candidates) {
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }
}
