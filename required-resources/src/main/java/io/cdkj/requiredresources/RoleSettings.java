package io.cdkj.requiredresources;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;

/**
 * What the roles look like, read once from the app's context.
 *
 * <p>The role names follow the assume-role plugin's own context keys and defaults
 * ({@code assume-role-credentials:readIamRoleName} = {@code cdk-readOnlyRole},
 * {@code assume-role-credentials:writeIamRoleName} = {@code cdk-writeRole}, {@code {ACCOUNT_ID}}
 * replaced), so the roles created here are the roles the plugin assumes, whichever names a project picks.
 *
 * @param trustedAccount     the shared-services account allowed to assume both roles
 * @param externalId         external ID callers must pass, if required
 * @param readRoleName       the lookup role's name, possibly with {@code {ACCOUNT_ID}}
 * @param writeRoleName      the deploy role's name, possibly with {@code {ACCOUNT_ID}}
 * @param writeManagedPolicy the AWS managed policy of the deploy role
 */
record RoleSettings(String trustedAccount, Optional<String> externalId, String readRoleName, String writeRoleName,
        String writeManagedPolicy) {

    static final String READ_ROLE_KEY = "assume-role-credentials:readIamRoleName";
    static final String WRITE_ROLE_KEY = "assume-role-credentials:writeIamRoleName";
    static final String DEFAULT_READ_ROLE = "cdk-readOnlyRole";
    static final String DEFAULT_WRITE_ROLE = "cdk-writeRole";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    RoleSettings {
        if (!ACCOUNT.matcher(trustedAccount).matches()) {
            throw new IllegalArgumentException("context trustedAccount must be a 12-digit account id, got '"
                    + trustedAccount + "' (e.g. -c trustedAccount=222222222222)");
        }
    }

    static RoleSettings from(App app) {
        return new RoleSettings(
                RequiredResourcesApp.setting(app, "trustedAccount", "TRUSTED_ACCOUNT", "222222222222"),
                RequiredResourcesApp.optionalSetting(app, "externalId", "EXTERNAL_ID"),
                RequiredResourcesApp.setting(app, READ_ROLE_KEY, "CDKJ_READ_ROLE_NAME", DEFAULT_READ_ROLE),
                RequiredResourcesApp.setting(app, WRITE_ROLE_KEY, "CDKJ_WRITE_ROLE_NAME", DEFAULT_WRITE_ROLE),
                RequiredResourcesApp.setting(app, "writeRoleManagedPolicy", "WRITE_ROLE_MANAGED_POLICY", "AdministratorAccess"));
    }

    /** A role name for {@code account}: the plugin's {@code {ACCOUNT_ID}} placeholder filled in. */
    static String nameIn(String name, String account) {
        return name.replace("{ACCOUNT_ID}", account);
    }
}
