package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialProviderException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role configured for one mode: either an IAM role name (the TypeScript plugin's form, e.g.
 * {@code cdk-readOnlyRole} or {@code cdk-{ACCOUNT_ID}-lookup}) or a full role ARN, each possibly
 * holding the placeholders {@code {ACCOUNT_ID}}, {@code {REGION}} and {@code {PARTITION}}.
 *
 * <p>The template is validated when it is created (unknown placeholders, characters IAM does not
 * allow, an ARN where a name is expected); {@link #expand} checks what can only be checked against a
 * request: that the ARN is in the request's partition and account. Immutable and thread-safe.
 *
 * @param form     name or ARN
 * @param template the configured value, placeholders unexpanded
 * @param key      where the value came from, for messages, e.g. {@code assume-role-credentials:readIamRoleName},
 *                 {@code CDKJ_ASSUME_ROLE_READ_ROLE_NAME} or {@code default}
 */
record RoleArnTemplate(Form form, String template, String key) {

    /** Whether the template is a role name or a full ARN. */
    enum Form { NAME, ARN }

    /** The key of the built-in defaults. */
    static final String DEFAULT_KEY = "default";

    static final List<String> PLACEHOLDERS = List.of("{ACCOUNT_ID}", "{REGION}", "{PARTITION}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    private static final String SEGMENT = "[\\w+=,.@-]+";
    // An IAM role name is at most 64 characters; an optional path (a/b/) may precede it.
    private static final Pattern ROLE_NAME = Pattern.compile("(?:" + SEGMENT + "/)*[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:([a-z][a-z0-9-]*):iam::(\\d{12}):role/(" + ROLE_NAME.pattern() + ")");

    RoleArnTemplate {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(key, "key");
    }

    /** A role name, validated; e.g. {@code cdk-readOnlyRole} or {@code cdk-{ACCOUNT_ID}-{REGION}-lookup}. */
    static RoleArnTemplate roleName(String value, String key) {
        checkPlaceholders(value, key);
        if (value.startsWith("arn:")) {
            throw new CredentialProviderException(key + " is '" + value + "', which is a role ARN, not a role name: "
                    + "put it in the matching role ARN setting instead (e.g. " + ContextKeys.qualified(ContextKeys.READ_ROLE_ARN)
                    + "), or give only the role's name");
        }
        if (!ROLE_NAME.matcher(sample(value)).matches()) {
            throw new CredentialProviderException(key + " is '" + value + "', which is not a valid IAM role name: "
                    + "use 1 to 64 of the characters A-Z a-z 0-9 + = , . @ _ - (optionally after a path such as team/), "
                    + "and the placeholders " + String.join(" ", PLACEHOLDERS));
        }
        return new RoleArnTemplate(Form.NAME, value, key);
    }

    /** A full role ARN, validated; e.g. {@code arn:{PARTITION}:iam::{ACCOUNT_ID}:role/cdk-readOnlyRole}. */
    static RoleArnTemplate roleArn(String value, String key) {
        checkPlaceholders(value, key);
        if (!ROLE_ARN.matcher(sample(value)).matches()) {
            throw new CredentialProviderException(key + " is '" + value + "', which is not an IAM role ARN: "
                    + "expected arn:PARTITION:iam::ACCOUNT_ID:role/NAME, e.g. arn:{PARTITION}:iam::{ACCOUNT_ID}:role/cdk-readOnlyRole");
        }
        return new RoleArnTemplate(Form.ARN, value, key);
    }

    /** The built-in role name, e.g. {@code cdk-readOnlyRole}. */
    static RoleArnTemplate defaultName(String name) {
        return new RoleArnTemplate(Form.NAME, name, DEFAULT_KEY);
    }

    /** Whether this is the built-in default rather than something the user configured. */
    boolean isDefault() {
        return DEFAULT_KEY.equals(key);
    }

    /**
     * The role ARN for one target. A name becomes {@code arn:PARTITION:iam::ACCOUNT:role/NAME}; an ARN
     * must end up in the target's partition and account, because credentials for any other account
     * would be rejected by the host anyway, and later, with a less helpful message.
     *
     * @throws CredentialProviderException naming the key when the ARN's partition or account disagrees
     */
    String expand(String account, String region, String partition) {
        String value = substitute(template, account, region, partition);
        if (form == Form.NAME) {
            return "arn:" + partition + ":iam::" + account + ":role/" + value;
        }
        Matcher arn = ROLE_ARN.matcher(value);
        if (!arn.matches()) {
            throw new CredentialProviderException(key + " '" + template + "' expands to '" + value
                    + "', which is not an IAM role ARN");
        }
        if (!arn.group(1).equals(partition)) {
            throw new CredentialProviderException(key + " '" + template + "' names a role in partition " + arn.group(1)
                    + ", but account " + account + " in region " + region + " is in partition " + partition
                    + ": use the {PARTITION} placeholder, e.g. arn:{PARTITION}:iam::{ACCOUNT_ID}:role/NAME");
        }
        if (!arn.group(2).equals(account)) {
            throw new CredentialProviderException(key + " '" + template + "' names a role in account " + arn.group(2)
                    + ", but credentials are needed for account " + account
                    + ": use the {ACCOUNT_ID} placeholder, or set the ARN per account in "
                    + ContextKeys.qualified(ContextKeys.ACCOUNTS));
        }
        return value;
    }

    private static String substitute(String value, String account, String region, String partition) {
        return value.replace("{ACCOUNT_ID}", account).replace("{REGION}", region).replace("{PARTITION}", partition);
    }

    /** The template with sample values, so its shape can be validated before any request. */
    private static String sample(String value) {
        return substitute(value, "123456789012", "us-east-1", "aws");
    }

    private static void checkPlaceholders(String value, String key) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group())) {
                throw new CredentialProviderException(key + " is '" + value + "', which holds the unknown placeholder "
                        + placeholder.group() + ": the known placeholders are " + String.join(", ", PLACEHOLDERS));
            }
        }
    }
}
