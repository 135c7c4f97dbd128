package io.cdkj.plugin;

/**
 * What the host is going to do with the credentials it asks for.
 *
 * <p>Plugins usually map each mode to a different role: a read-only lookup role for {@link #READ}
 * and a deploy role for {@link #WRITE}. Constants may be added in later versions of the API; a
 * plugin that does not recognise a mode should decline it with a reason rather than fail.
 */
public enum Mode {
    /** Read-only calls made while synthesizing: context lookups (SSM, EC2, Route 53, ...). */
    READ,
    /** Calls that change the account: CloudFormation deployments, asset publishing, destroy. */
    WRITE;

    /** The lower-case name used on the command line and in configuration ({@code read}, {@code write}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
