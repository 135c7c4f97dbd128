package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;

/**
 * A plugin's credentials act in another account than the one they were requested for — at the first
 * use or after a refresh. Always the plugin error ({@link ErrorCode#PLUGIN}), never a lookup or
 * deployment failure: the credentials are refused, and the command ends with this message.
 */
public final class WrongAccountException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    WrongAccountException(String plugin, CallerIdentity actual, String requestedAccount, Mode mode) {
        super(ErrorCode.PLUGIN, "Plugin '" + plugin + "' returned credentials for account " + actual.account() + " ("
                + actual.arn() + "), but they were requested for account " + requestedAccount + " (" + mode.cliName()
                + "). Refusing to use them; fix the plugin's configuration for account " + requestedAccount
                + " or remove it from --plugin.");
    }
}
