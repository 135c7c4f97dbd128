package io.cdkj.toolkit.bootstrap;

/**
 * The parameter names bootstrap templates declare, and their special values. They are the CDK's, so
 * that templates derived from the CDK's work with {@code cdkj bootstrap --template} (see
 * docs/BOOTSTRAP.md).
 */
public final class BootstrapParameterNames {

    public static final String QUALIFIER = "Qualifier";
    public static final String TRUSTED_ACCOUNTS = "TrustedAccounts";
    public static final String TRUSTED_ACCOUNTS_FOR_LOOKUP = "TrustedAccountsForLookup";
    public static final String EXECUTION_POLICIES = "CloudFormationExecutionPolicies";
    public static final String BUCKET_NAME = "FileAssetsBucketName";
    public static final String KMS_KEY_ID = "FileAssetsBucketKmsKeyId";
    public static final String PUBLIC_ACCESS_BLOCK = "PublicAccessBlockConfiguration";
    public static final String DENY_EXTERNAL_ID = "DenyExternalId";
    /** cdkj's own: whether the stack holds the assume-role plugin's roles. */
    public static final String PLUGIN_ROLES = "PluginRoles";
    public static final String VARIANT = "BootstrapVariant";

    /** {@value}: encrypt assets with S3's AWS managed key. */
    public static final String AWS_MANAGED_KEY = "AWS_MANAGED_KEY";
    /** The empty value: create a customer managed key. */
    public static final String CREATE_KEY = "";

    /** The qualifier of a template that declares none (the CDK's default). */
    public static final String DEFAULT_QUALIFIER = "hnb659fds";

    private BootstrapParameterNames() {
    }
}
