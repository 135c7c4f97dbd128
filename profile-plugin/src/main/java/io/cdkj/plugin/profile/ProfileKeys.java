package io.cdkj.plugin.profile;

import java.util.List;

/**
 * The names of every setting the plugin reads, all context keys under {@link #PREFIX}, and their
 * defaults. One place, so the parser, the messages and the documentation agree.
 */
final class ProfileKeys {

    /** The namespace of the plugin's context keys. */
    static final String PREFIX = "profile:";

    /** Explicit account → profile mappings, tried before discovery. */
    static final String ACCOUNTS = PREFIX + "accounts";
    /** The role names a READ request prefers when several profiles act in the account. */
    static final String READ_ROLE_PATTERN = PREFIX + "readRolePattern";
    /** The role names a WRITE request prefers when several profiles act in the account. */
    static final String WRITE_ROLE_PATTERN = PREFIX + "writeRolePattern";

    /** Every key the plugin knows. */
    static final List<String> ALL = List.of(ACCOUNTS, READ_ROLE_PATTERN, WRITE_ROLE_PATTERN);

    /** The keys of a per-mode mapping entry. */
    static final String READ = "read";
    static final String WRITE = "write";

    /** Matched case-insensitively, anywhere in the role name: AWS's managed ReadOnlyAccess and ViewOnlyAccess. */
    static final String DEFAULT_READ_ROLE_PATTERN = "ReadOnly|ViewOnly";
    /** Matched case-insensitively: AdministratorAccess, PowerUserAccess, deploy roles. */
    static final String DEFAULT_WRITE_ROLE_PATTERN = "Admin|PowerUser|Deploy";

    private ProfileKeys() {
    }

    /** The display name of one account's mapping, e.g. {@code profile:accounts.111111111111.read}. */
    static String accountKey(String account) {
        return ACCOUNTS + "." + account;
    }
}
