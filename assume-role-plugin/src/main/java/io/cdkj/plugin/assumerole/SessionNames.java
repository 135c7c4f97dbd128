package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.Mode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STS role session names: validation of configured ones, and the default, which is auditable — it
 * shows up in the target account's CloudTrail as {@code assumed-role/ROLE/SESSION} — so it says what
 * assumed the role and for what: {@code cdkj-<mode>-<caller>}, where the caller is the session or
 * user name of the host's identity (e.g. the CI job's session). Stateless.
 */
final class SessionNames {

    /** What STS accepts for {@code RoleSessionName}. */
    static final Pattern VALID = Pattern.compile("[\\w+=,.@-]{2,64}");

    private static final int MAX_LENGTH = 64;
    private static final Pattern INVALID_CHARACTERS = Pattern.compile("[^\\w+=,.@-]+");

    private SessionNames() {
    }

    /**
     * Validates a configured session name.
     *
     * @param key where it came from, for the message
     * @throws CredentialProviderException naming the key and the value when STS would reject it
     */
    static String validate(String value, String key) {
        if (!VALID.matcher(value).matches()) {
            throw new CredentialProviderException(key + " is '" + value + "', which is not a valid role session name: "
                    + "STS accepts 2 to 64 of the characters A-Z a-z 0-9 + = , . @ _ -");
        }
        return value;
    }

    /**
     * The default session name, e.g. {@code cdkj-read-ci-job-42} for the caller
     * {@code arn:aws:sts::222222222222:assumed-role/pipeline/ci-job-42}, or {@code cdkj-write} when
     * the caller is unknown. Always valid for STS.
     */
    static String defaultFor(Mode mode, Optional<String> callerArn) {
        String base = "cdkj-" + mode.cliName();
        String caller = callerArn.map(SessionNames::callerName).orElse("");
        String name = caller.isEmpty() ? base : base + "-" + caller;
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }

    /**
     * The last part of the caller's ARN: the session name of an assumed role, the user name of an IAM
     * user, {@code root} for the root user; sanitized to the characters STS allows.
     */
    static String callerName(String callerArn) {
        int resource = callerArn.lastIndexOf(':');
        String name = callerArn.substring(resource + 1);
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        return INVALID_CHARACTERS.matcher(name).replaceAll("-");
    }
}
