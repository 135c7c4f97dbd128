package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.AssumeRoleOptions;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * clear message, and verified to act in the target account (the account STS reports for the assumed
 * role; GetCallerIdentity when it reports none). The assembly's additional AssumeRole options (session
 * tags …) are passed to STS.
 *
 * <p>Thread-safe (stateless apart from the thread-safe client factory).
 */
final class RoleChaining {

    private static final Logger LOG = LoggerFactory.getLogger(RoleChaining.class);
    private static final Pattern UNSAFE = Pattern.compile("[^\\w+=,.@-]");

    private final AwsClientFactory clients;
    /** The Node CDK CLI's variable naming the session of the roles it assumes. */
    static final String SESSION_NAME_ENV = "CDK_ROLE_SESSION_NAME";

    private final StsPacing pacing;
    private final String sessionName;

    RoleChaining(AwsClientFactory clients, StsPacing pacing, Map<String, String> env) {
        this.clients = clients;
        this.pacing = pacing;
        this.sessionName = sessionName(env);
    }

    /** The role session name every assumed role gets. */
    String sessionName() {
        return sessionName;
    }

    /**
     * @param target        a target with a role
     * @param base          the credentials to assume it with
     * @param caller        who {@code base} is, for messages
     * @param callerAccount the account {@code base} acts in, for the trust hint
     * @param owned         receives the provider, for closing
     * @throws RoleNotAssumedException when STS refuses or cannot be reached
     * @throws ToolkitException ({@link ErrorCode#CREDENTIALS}) when the role's credentials act in another
     *     account than the target's (nothing is done with them)
     */
    IdentityProvider<AwsCredentialsIdentity> assume(CredentialTarget target, IdentityProvider<AwsCredentialsIdentity> base,
            String caller, String callerAccount, Consumer<Object> owned) {
        AwsEnvironment environment = target.environment();
        RoleToAssume role = target.role().orElseThrow(() -> new IllegalArgumentException("no role in " + target));
        String roleArn = role.arnIn(environment);
        StsClient sts = clients.create(StsClient.builder(), base, environment.region());
        SecretRememberingProvider provider = new SecretRememberingProvider(StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request(roleArn, role))
                .build());
        AwsCredentials assumed;
        try {
            // Signed by the base credentials: STS counts the call against their account.
            assumed = pacing.call(Optional.of(callerAccount), environment.region(), provider::resolveCredentials);
        } catch (SdkException e) {
            provider.close();
            String fix = AwsErrors.isAccessDenied(e)
                    ? " Make sure the role exists and its trust policy allows " + caller + " to assume it"
                            + (role.externalId().isPresent() ? " with the given external ID" : "")
                            + (callerAccount.equals(environment.account()) ? "."
                                    : " (cdkj bootstrap " + environment + " --trust " + callerAccount
                                            + " grants that to account " + callerAccount + ").")
                    : " Check the role ARN and that STS is reachable in " + environment.region() + ".";
            throw new RoleNotAssumedException("Could not assume role " + roleArn + " in account "
                    + environment.account() + " (" + target.mode().cliName() + ") as " + caller + ": "
                    + AwsErrors.describe(e) + "." + fix, AwsErrors.describe(e), e);
        }
        String acting = assumed.accountId().orElseGet(() -> callerAccountOf(sts, provider));
        if (!acting.equals(environment.account())) {
            provider.close();
            throw new ToolkitException(ErrorCode.CREDENTIALS, "Role " + roleArn + ", assumed for " + environment
                    + ", acts in account " + acting + ", not " + environment.account()
                    + "; nothing is done with it (fix the role the app's synthesizer names for this stack)");
        }
        owned.accept(provider);
        LOG.info("Assumed role {} for account {} ({})", roleArn, environment.account(), target.mode().cliName());
        return provider;
    }

    /** Who the role's credentials are, when STS's answer did not say (one GetCallerIdentity). */
    private String callerAccountOf(StsClient baseSts, AwsCredentialsProvider provider) {
        String region = baseSts.serviceClientConfiguration().region().id();
        return clients.create(StsClient.builder(), provider, region).getCallerIdentity().account();
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

    /**
     * {@code CDK_ROLE_SESSION_NAME} when set (as the Node CDK CLI reads it), else {@code cdkj-<user>}:
     * valid for STS ({@code [\w+=,.@-]{2,64}}) and auditable in CloudTrail.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the variable when its value is not a valid session name
     */
    static String sessionName(Map<String, String> env) {
        String chosen = env.get(SESSION_NAME_ENV);
        if (chosen != null && !chosen.isBlank()) {
            if (!chosen.matches("[\\w+=,.@-]{2,64}")) {
                throw new ToolkitException(ErrorCode.USAGE, SESSION_NAME_ENV + "='" + chosen + "' is not a role session"
                        + " name: use 2 to 64 of the characters A-Z a-z 0-9 + = , . @ _ -");
            }
            return chosen;
        }
        String user = env.getOrDefault("USER", env.getOrDefault("USERNAME", "user"));
        String name = UNSAFE.matcher("cdkj-" + user).replaceAll("_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
