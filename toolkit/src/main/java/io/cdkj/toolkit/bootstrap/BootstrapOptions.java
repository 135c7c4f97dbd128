package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the user asked {@code cdkj bootstrap} for, with the Node CLI's option names and meaning. An
 * empty list or an empty optional means "not given": the environment's current bootstrap stack keeps
 * its value (see {@link BootstrapParameters}). Immutable; the compact constructor rejects bad input
 * before any environment is contacted.
 *
 * @param trust               {@code --trust}: accounts that may deploy (given: replaces the current list)
 * @param trustForLookup      {@code --trust-for-lookup}: accounts that may only look up
 * @param untrust             {@code --untrust}: accounts removed from both lists
 * @param executionPolicies   {@code --cloudformation-execution-policies}: managed policy ARNs
 * @param qualifier           {@code --qualifier}
 * @param bucketName          {@code --bootstrap-bucket-name}
 * @param kmsKeyId            {@code --bootstrap-kms-key-id}
 * @param customerKey         {@code --[no-]bootstrap-customer-key}
 * @param publicAccessBlock   {@code --[no-]public-access-block-configuration} (not given: true, as the Node CLI)
 * @param terminationProtection {@code --[no-]termination-protection}
 * @param tags                {@code --tags} of the bootstrap stack (not given: unchanged)
 * @param denyExternalId      {@code --[no-]deny-external-id}
 * @param pluginRoles         {@code --[no-]with-plugin-roles}
 * @param force               {@code --force}: replace another variant or a newer version
 * @param toolkitStackName    {@code --toolkit-stack-name}
 */
public record BootstrapOptions(List<String> trust, List<String> trustForLookup, List<String> untrust,
        List<String> executionPolicies, Optional<String> qualifier, Optional<String> bucketName,
        Optional<String> kmsKeyId, Optional<Boolean> customerKey, Optional<Boolean> publicAccessBlock,
        Optional<Boolean> terminationProtection, Map<String, String> tags, Optional<Boolean> denyExternalId,
        Optional<Boolean> pluginRoles, boolean force, String toolkitStackName) {

    /** The Node CLI's default bootstrap stack name. */
    public static final String DEFAULT_TOOLKIT_STACK_NAME = "CDKToolkit";

    /** The context key the synthesizer's qualifier comes from; bootstrap uses it as the Node CLI does. */
    public static final String QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9_-]{1,10}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");

    /**
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the option: an account that is not 12
     *     digits, an account both trusted and untrusted, a policy that is not an ARN, a bad qualifier or
     *     stack name, or {@code --bootstrap-kms-key-id} together with {@code --[no-]bootstrap-customer-key}
     */
    public BootstrapOptions {
        trust = accounts("--trust", trust);
        trustForLookup = accounts("--trust-for-lookup", trustForLookup);
        untrust = accounts("--untrust", untrust);
        executionPolicies = List.copyOf(new LinkedHashSet<>(executionPolicies));
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
        Objects.requireNonNull(terminationProtection, "terminationProtection");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(denyExternalId, "denyExternalId");
        Objects.requireNonNull(pluginRoles, "pluginRoles");
        Objects.requireNonNull(toolkitStackName, "toolkitStackName");

        Set<String> both = new LinkedHashSet<>(trust);
        both.addAll(trustForLookup);
        both.retainAll(untrust);
        if (!both.isEmpty()) {
            throw usage("Accounts cannot be both trusted and untrusted: " + String.join(", ", both)
                    + " (remove them from --trust/--trust-for-lookup or from --untrust)");
        }
        for (String policy : executionPolicies) {
            if (!policy.startsWith("arn:")) {
                throw usage("--cloudformation-execution-policies '" + policy
                        + "' is not a policy ARN (e.g. arn:aws:iam::aws:policy/AdministratorAccess)");
            }
        }
        if (qualifier.isPresent() && !QUALIFIER.matcher(qualifier.get()).matches()) {
            throw usage("--qualifier '" + qualifier.get() + "' must be 1 to 10 letters, digits, '_' or '-'"
                    + " (role names such as cdk-QUALIFIER-image-publishing-role-ACCOUNT-REGION must fit IAM's 64 characters)");
        }
        if (!STACK_NAME.matcher(toolkitStackName).matches()) {
            throw usage("--toolkit-stack-name '" + toolkitStackName + "' is not a CloudFormation stack name"
                    + " (a letter, then up to 127 letters, digits or '-')");
        }
        if (kmsKeyId.isPresent() && customerKey.isPresent()) {
            throw usage("--bootstrap-kms-key-id and --" + (customerKey.get() ? "" : "no-")
                    + "bootstrap-customer-key cannot be used together; pass one of them");
        }
        if (bucketName.isPresent() && bucketName.get().isBlank()) {
            throw usage("--bootstrap-bucket-name must not be empty");
        }
    }

    /** The qualifier {@code context} sets ({@link #QUALIFIER_CONTEXT}), else null: the current one, else the CDK's. */
    public static String qualifierIn(Map<String, Object> context) {
        Object value = context.get(QUALIFIER_CONTEXT);
        return value == null ? null : String.valueOf(value);
    }

    /** A builder with everything "not given" and the default stack name. */
    public static Builder builder() {
        return new Builder();
    }

    private static List<String> accounts(String option, List<String> accounts) {
        for (String account : accounts) {
            if (!ACCOUNT.matcher(account).matches()) {
                throw usage(option + " '" + account + "' is not a 12-digit AWS account id");
            }
        }
        return List.copyOf(new LinkedHashSet<>(accounts));
    }

    private static ToolkitException usage(String message) {
        return new ToolkitException(ErrorCode.USAGE, message);
    }

    /** Builds {@link BootstrapOptions}; not thread-safe. */
    public static final class Builder {
        private final List<String> trust = new ArrayList<>();
        private final List<String> trustForLookup = new ArrayList<>();
        private final List<String> untrust = new ArrayList<>();
        private final List<String> executionPolicies = new ArrayList<>();
        private Optional<String> qualifier = Optional.empty();
        private Optional<String> bucketName = Optional.empty();
        private Optional<String> kmsKeyId = Optional.empty();
        private Optional<Boolean> customerKey = Optional.empty();
        private Optional<Boolean> publicAccessBlock = Optional.empty();
        private Optional<Boolean> terminationProtection = Optional.empty();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Optional<Boolean> denyExternalId = Optional.empty();
        private Optional<Boolean> pluginRoles = Optional.empty();
        private boolean force;
        private String toolkitStackName = DEFAULT_TOOLKIT_STACK_NAME;

        private Builder() {
        }

        public Builder trust(List<String> accounts) {
            trust.addAll(accounts);
            return this;
        }

        public Builder trustForLookup(List<String> accounts) {
            trustForLookup.addAll(accounts);
            return this;
        }

        public Builder untrust(List<String> accounts) {
            untrust.addAll(accounts);
            return this;
        }

        public Builder executionPolicies(List<String> arns) {
            executionPolicies.addAll(arns);
            return this;
        }

        public Builder qualifier(String value) {
            qualifier = Optional.ofNullable(value);
            return this;
        }

        public Builder bucketName(String value) {
            bucketName = Optional.ofNullable(value);
            return this;
        }

        public Builder kmsKeyId(String value) {
            kmsKeyId = Optional.ofNullable(value);
            return this;
        }

        public Builder customerKey(Boolean value) {
            customerKey = Optional.ofNullable(value);
            return this;
        }

        public Builder publicAccessBlock(Boolean value) {
            publicAccessBlock = Optional.ofNullable(value);
            return this;
        }

        public Builder terminationProtection(Boolean value) {
            terminationProtection = Optional.ofNullable(value);
            return this;
        }

        public Builder tags(Map<String, String> values) {
            tags.putAll(values);
            return this;
        }

        public Builder denyExternalId(Boolean value) {
            denyExternalId = Optional.ofNullable(value);
            return this;
        }

        public Builder pluginRoles(Boolean value) {
            pluginRoles = Optional.ofNullable(value);
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder toolkitStackName(String value) {
            toolkitStackName = Objects.requireNonNull(value, "toolkitStackName");
            return this;
        }

        /** @throws ToolkitException ({@link ErrorCode#USAGE}) as the record's constructor */
        public BootstrapOptions build() {
            return new BootstrapOptions(trust, trustForLookup, untrust, executionPolicies, qualifier, bucketName,
                    kmsKeyId, customerKey, publicAccessBlock, terminationProtection, tags, denyExternalId, pluginRoles,
                    force, toolkitStackName);
        }
    }
}
