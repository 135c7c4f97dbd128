package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.AssumeRoleOptions;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Assumes a target's role on top of its base credentials, returning the SDK's refreshing
 * {@link StsAssumeRoleCredentialsProvider}, resolved once right away so a refused role fails here with a
 * clear message. The assembly's additional AssumeRole options (session tags …) are passed to STS.
 *
 * <p>Thread-safe (stateless apart from the thread-safe client factory).
 */
final class RoleChaining {

    private static final Logger LOG = LoggerFactory.getLogger(RoleChaining.class);
    private static final Pattern UNSAFE = Pattern.compile("[^\\w+=,.@-]");

    private final AwsClientFactory clients;
    private final String sessionName;

    RoleChaining(AwsClientFactory clients, Map<String, String> env) {
        this.clients = clients;
        this.sessionName = sessionName(env);
    }

    /** The role session name every assumed role gets. */
    String sessionName() {
        return sessionName;
    }

    /**
     * @param target a target with a role
     * @param base   the target environment's credentials
     * @param caller who {@code base} is, for the error message
     * @param owned  receives the provider, for closing
     */
    IdentityProvider<AwsCredentialsIdentity> assume(CredentialTarget target, IdentityProvider<AwsCredentialsIdentity> base,
            String caller, Consumer<Object> owned) {
        AwsEnvironment environment = target.environment();
        RoleToAssume role = target.role().orElseThrow(() -> new IllegalArgumentException("no role in " + target));
        String roleArn = role.arnIn(environment);
        StsClient sts = clients.create(StsClient.builder(), base, environment.region());
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request(roleArn, role))
                .build();
        try {
            DefaultIdentity.rememberSecrets(provider.resolveCredentials());
        } catch (SdkException e) {
            provider.close();
            String fix = AwsErrors.isAccessDenied(e)
                    ? " Make sure the role exists and its trust policy allows " + caller + " to assume it"
                            + (role.externalId().isPresent() ? " with the given external ID" : "")
                            + " (re-bootstrap account " + environment.account() + " with a trust for the caller's account)."
                    : " Check the role ARN and that STS is reachable in " + environment.region() + ".";
            throw new ToolkitException(ErrorCode.CREDENTIALS, "Could not assume role " + roleArn + " in account "
                    + environment.account() + " (" + target.mode().cliName() + ") as " + caller + ": "
                    + AwsErrors.describe(e) + "." + fix, e);
        }
        owned.accept(provider);
        LOG.info("Assumed role {} for account {} ({})", roleArn, environment.account(), target.mode().cliName());
        return provider;
    }

    private AssumeRoleRequest request(String roleArn, RoleToAssume role) {
        AssumeRoleOptions options = role.options();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName);
        role.externalId().ifPresent(request::externalId);
        if (!options.tags().isEmpty()) {
            request.tags(options.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
        }
        if (!options.transitiveTagKeys().isEmpty()) {
            request.transitiveTagKeys(options.transitiveTagKeys());
        }
        if (!options.policyArns().isEmpty()) {
            request.policyArns(options.policyArns().stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build())
                    .toList());
        }
        options.policy().ifPresent(request::policy);
        options.durationSeconds().ifPresent(request::durationSeconds);
        options.sourceIdentity().ifPresent(request::sourceIdentity);
        return request.build();
    }

    /** {@code cdkj-<user>}, valid for STS ({@code [\w+=,.@-]{2,64}}) and auditable in CloudTrail. */
    static String sessionName(Map<String, String> env) {
        String user = env.getOrDefault("USER", env.getOrDefault("USERNAME", "user"));
        String name = UNSAFE.matcher("cdkj-" + user).replaceAll("_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
