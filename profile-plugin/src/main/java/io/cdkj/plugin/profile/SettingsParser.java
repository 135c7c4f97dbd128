package io.cdkj.plugin.profile;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads and validates the plugin's context keys from a {@link Configuration}, without any I/O. The
 * whole configuration is checked, not just the part one request needs, so a typo in any mapping is
 * reported the first time the plugin is asked. Stateless.
 */
final class SettingsParser {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private SettingsParser() {
    }

    /** @throws CredentialProviderException naming the key and the value of the first invalid setting */
    static ProfileSettings parse(Configuration configuration) {
        Map<String, Object> ours = configuration.contextWithPrefix(ProfileKeys.PREFIX);
        for (String key : ours.keySet()) {
            if (!ProfileKeys.ALL.contains(key)) {
                throw new CredentialProviderException(key + " is not a setting of the profile plugin; the known keys are: "
                        + String.join(", ", ProfileKeys.ALL));
            }
        }
        Map<String, AccountMapping> accounts = Optional.ofNullable(ours.get(ProfileKeys.ACCOUNTS))
                .map(SettingsParser::accounts).orElse(Map.of());
        return new ProfileSettings(accounts,
                pattern(ours, ProfileKeys.READ_ROLE_PATTERN, ProfileKeys.DEFAULT_READ_ROLE_PATTERN),
                pattern(ours, ProfileKeys.WRITE_ROLE_PATTERN, ProfileKeys.DEFAULT_WRITE_ROLE_PATTERN));
    }

    private static Pattern pattern(Map<String, Object> context, String key, String fallback) {
        Object value = context.getOrDefault(key, fallback);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new CredentialProviderException(key + " must be a regular expression string (e.g. '" + fallback
                    + "'), but it is " + describe(value));
        }
        try {
            return Pattern.compile(text, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new CredentialProviderException(key + " is '" + text + "', which is not a regular expression ("
                    + e.getDescription() + " at index " + e.getIndex() + ")");
        }
    }

    /** An object from cdk.json, or the same object as a JSON string (what {@code --context KEY=VALUE} gives). */
    private static Map<String, AccountMapping> accounts(Object value) {
        Object object = value instanceof String text ? fromJson(text) : value;
        if (!(object instanceof Map<?, ?> map)) {
            throw new CredentialProviderException(ProfileKeys.ACCOUNTS + " must be a JSON object of account id to "
                    + "profile name, e.g. {\"111111111111\": \"dev-admin\"}, but it is " + describe(value));
        }
        Map<String, AccountMapping> accounts = new TreeMap<>();
        map.forEach((rawAccount, entry) -> {
            String account = String.valueOf(rawAccount);
            String key = ProfileKeys.accountKey(account);
            if (!ACCOUNT_ID.matcher(account).matches()) {
                throw new CredentialProviderException(ProfileKeys.ACCOUNTS + " has the key '" + account
                        + "', which is not an AWS account id: an account id is exactly 12 digits, e.g. 111111111111");
            }
            accounts.put(account, mapping(account, key, entry));
        });
        return accounts;
    }

    private static AccountMapping mapping(String account, String key, Object entry) {
        if (entry instanceof String profile) {
            return AccountMapping.both(account, profileName(profile, key));
        }
        if (entry instanceof Map<?, ?> perMode) {
            for (Object mode : perMode.keySet()) {
                if (!List.of(ProfileKeys.READ, ProfileKeys.WRITE).contains(String.valueOf(mode))) {
                    throw new CredentialProviderException(key + " has the key '" + mode
                            + "'; a per-mode mapping has only \"read\" and \"write\"");
                }
            }
            Optional<String> read = Optional.ofNullable(perMode.get(ProfileKeys.READ))
                    .map(name -> profileName(name, key + "." + ProfileKeys.READ));
            Optional<String> write = Optional.ofNullable(perMode.get(ProfileKeys.WRITE))
                    .map(name -> profileName(name, key + "." + ProfileKeys.WRITE));
            return new AccountMapping(account, read, write, true);
        }
        throw new CredentialProviderException(key + " must be a profile name or {\"read\": NAME, \"write\": NAME}, but it is "
                + describe(entry));
    }

    private static String profileName(Object value, String key) {
        if (value instanceof String name && !name.isBlank()) {
            return name.trim();
        }
        throw new CredentialProviderException(key + " must be the name of an AWS profile, but it is " + describe(value));
    }

    private static Object fromJson(String text) {
        try {
            return plain(JSON.parse(text));
        } catch (RuntimeException e) {
            throw new CredentialProviderException(ProfileKeys.ACCOUNTS + " is the string '" + text
                    + "', which is not a JSON object; give it as {\"111111111111\": \"dev-admin\"}");
        }
    }

    /** The SDK's JSON tree as the plain Java values the host's context holds. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            node.asObject().forEach((name, child) -> object.put(name, plain(child)));
            return object;
        }
        if (node.isArray()) {
            return node.asArray().stream().map(SettingsParser::plain).toList();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new java.math.BigDecimal(node.asNumber());
        }
        return node.isBoolean() ? Boolean.valueOf(node.asBoolean()) : null;
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with keys " + map.keySet();
        }
        if (value instanceof List<?> list) {
            return "a list " + list;
        }
        return "the value " + value;
    }
}
