package io.cdkj.plugin.assumerole;

import java.util.List;

/**
 * The names of every setting the plugin reads: context keys (under {@link #PREFIX}), the keys of a
 * per-account entry, and environment variables (under {@link #ENV_PREFIX}). One place, so the parser,
 * the messages listing the known keys and the documentation agree.
 */
final class ContextKeys {

    /** The namespace of the plugin's context keys, shared with the TypeScript plugin. */
    static final String PREFIX = "assume-role-credentials:";

    // Keys of one level (context, or an entry of the accounts map), without the prefix.
    static final String READ_IAM_ROLE_NAME = "readIamRoleName";
    static final String WRITE_IAM_ROLE_NAME = "writeIamRoleName";
    static final String READ_ROLE_ARN = "readRoleArn";
    static final String WRITE_ROLE_ARN = "writeRoleArn";
    static final String EXTERNAL_ID = "externalId";
    static final String ROLE_SESSION_NAME = "roleSessionName";
    static final String DURATION_SECONDS = "durationSeconds";

    // Context-only keys, without the prefix.
    static final String ACCOUNTS = "accounts";
    static final String ALLOWED_ACCOUNTS = "allowedAccounts";
    static final String STS_REGION = "stsRegion";

    /** The keys an entry of {@code assume-role-credentials:accounts} may hold. */
    static final List<String> ACCOUNT_ENTRY_KEYS = List.of(
            READ_IAM_ROLE_NAME, WRITE_IAM_ROLE_NAME, READ_ROLE_ARN, WRITE_ROLE_ARN,
            EXTERNAL_ID, ROLE_SESSION_NAME, DURATION_SECONDS);

    /** Every key the plugin knows under {@link #PREFIX}, without the prefix. */
    static final List<String> CONTEXT_KEYS = List.of(
            READ_IAM_ROLE_NAME, WRITE_IAM_ROLE_NAME, READ_ROLE_ARN, WRITE_ROLE_ARN,
            EXTERNAL_ID, ROLE_SESSION_NAME, DURATION_SECONDS, STS_REGION, ALLOWED_ACCOUNTS, ACCOUNTS);

    /** The namespace of the plugin's environment variables. */
    static final String ENV_PREFIX = "CDKJ_ASSUME_ROLE_";

    static final String ENV_READ_ROLE_NAME = "CDKJ_ASSUME_ROLE_READ_ROLE_NAME";
    static final String ENV_WRITE_ROLE_NAME = "CDKJ_ASSUME_ROLE_WRITE_ROLE_NAME";
    static final String ENV_READ_ROLE_ARN = "CDKJ_ASSUME_ROLE_READ_ROLE_ARN";
    static final String ENV_WRITE_ROLE_ARN = "CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN";
    static final String ENV_EXTERNAL_ID = "CDKJ_ASSUME_ROLE_EXTERNAL_ID";
    static final String ENV_SESSION_NAME = "CDKJ_ASSUME_ROLE_SESSION_NAME";
    static final String ENV_DURATION_SECONDS = "CDKJ_ASSUME_ROLE_DURATION_SECONDS";
    static final String ENV_STS_REGION = "CDKJ_ASSUME_ROLE_STS_REGION";
    static final String ENV_ALLOWED_ACCOUNTS = "CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS";

    /** Every environment variable the plugin knows. */
    static final List<String> ENV_VARIABLES = List.of(
            ENV_READ_ROLE_NAME, ENV_WRITE_ROLE_NAME, ENV_READ_ROLE_ARN, ENV_WRITE_ROLE_ARN,
            ENV_EXTERNAL_ID, ENV_SESSION_NAME, ENV_DURATION_SECONDS, ENV_STS_REGION, ENV_ALLOWED_ACCOUNTS);

    static final String DEFAULT_READ_ROLE_NAME = "cdk-readOnlyRole";
    static final String DEFAULT_WRITE_ROLE_NAME = "cdk-writeRole";
    static final int DEFAULT_DURATION_SECONDS = 3600;
    static final int MIN_DURATION_SECONDS = 900;
    static final int MAX_DURATION_SECONDS = 43200;

    private ContextKeys() {
    }

    /** {@code readIamRoleName} → {@code assume-role-credentials:readIamRoleName}. */
    static String qualified(String key) {
        return PREFIX + key;
    }

    /** The display name of a key inside one entry of the accounts map. */
    static String accountKey(String account, String key) {
        return PREFIX + ACCOUNTS + "." + account + "." + key;
    }

    /** The known context keys, fully qualified and comma-separated, for error messages. */
    static String knownContextKeys() {
        return String.join(", ", CONTEXT_KEYS.stream().map(ContextKeys::qualified).toList());
    }
}
