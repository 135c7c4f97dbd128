package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;

/**
 * A plugin's provider failed to give credentials when the host asked for them (a refresh during a
 * deployment, say): the plugin's failure ({@link ErrorCode#PLUGIN}), naming the plugin, the account and
 * the mode, with the plugin's own message as the cause.
 */
public final class PluginProviderException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    PluginProviderException(String plugin, String account, Mode mode, RuntimeException cause) {
        super(ErrorCode.PLUGIN, "Plugin '" + plugin + "' could not give credentials for account " + account + " ("
                + mode.cliName() + "): " + UntrustedText.excerpt(AwsErrors.describe(cause)) + ". Fix the plugin's"
                + " configuration for account " + account + ", or remove it from --plugin.", cause);
    }
}
