package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialProviderException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts raw configuration values (JSON values from the context, strings from the environment or
 * {@code --context key=value}) to the types the settings need, failing with a message that names
 * the key, the value and the expected type. Stateless.
 */
final class ConfigValues {

    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private ConfigValues() {
    }

    static String string(Object value, String key) {
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(key, value, "a string");
    }

    /** An integer from a JSON number or from a string of digits ({@code --context} values are strings). */
    static int integer(Object value, String key) {
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) <= Integer.MAX_VALUE) {
                return number.intValue();
            }
            throw new CredentialProviderException(key + " is " + value + ", but it must be a whole number of seconds");
        }
        if (value instanceof String text && text.trim().matches("-?\\d{1,10}")) {
            long parsed = Long.parseLong(text.trim());
            if (Math.abs(parsed) <= Integer.MAX_VALUE) {
                return (int) parsed;
            }
        }
        if (value instanceof String text) {
            throw new CredentialProviderException(key + " is '" + text + "', but it must be a whole number of seconds");
        }
        throw wrongType(key, value, "a number");
    }

    /** A JSON object, e.g. the accounts map. */
    static Map<String, Object> object(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        throw wrongType(key, value, "a JSON object (set it in cdk.json)");
    }

    /**
     * A non-empty set of account ids from a JSON array of strings or a comma-separated string. Numbers
     * are refused: a JSON number loses an account id's leading zeros. An empty list (also {@code ""} or
     * {@code " , "}) is refused too, as an allow-list must not fail open.
     */
    static Set<String> accountIds(Object value, String key) {
        List<Object> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            items.addAll(list);
        } else if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        } else {
            throw wrongType(key, value, "a list of 12-digit account ids as strings");
        }
        Set<String> accounts = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof String account)) {
                throw new CredentialProviderException(key + " holds " + describe(item)
                        + ", but account ids must be strings (quote them: a JSON number loses leading zeros)");
            }
            accounts.add(accountId(account, key));
        }
        if (accounts.isEmpty()) {
            // A guard that lists nothing is a mistake (an empty CI variable, a template left blank): read as
            // unset it would allow every account, read literally none. Neither guess is safe, so refuse it.
            throw new CredentialProviderException(key + " is set but lists no account; list the account ids the"
                    + " plugin may act in (e.g. 111111111111,333333333333), or remove " + key
                    + " to allow every account");
        }
        return Collections.unmodifiableSet(accounts);
    }

    static String accountId(String account, String key) {
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new CredentialProviderException(key + " holds '" + account
                    + "', which is not an AWS account id: an account id is exactly 12 digits, e.g. 111111111111");
        }
        return account;
    }

    static CredentialProviderException wrongType(String key, Object value, String expected) {
        return new CredentialProviderException(key + " must be " + expected + ", but it is " + describe(value));
    }

    /** A value for a message, with its JSON type. */
    static String describe(Object value) {
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List<?> list) {
            return "a list " + list;
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with keys " + map.keySet();
        }
        return String.valueOf(value);
    }
}
