package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Map;
import java.util.Optional;
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

/**
 * Assumes a role named by the cloud assembly on top of an environment's credentials (ARCHITECTURE.md
 * step 6), returning the SDK's refreshing {@link StsAssumeRoleCredentialsProvider}, resolved once
 * right away so a refused role fails here with a clear message.
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

    /** {@code ${AWS::Partition}} replaced with the partition of {@code region}. */
    static String substitute(String roleArn, String region) {
        return new RoleToAssume(roleArn, Optional.empty()).arnIn(region);
    }

    /** The role session name every assumed role gets. */
    String sessionName() {
        return sessionName;
    }

    /**
     * @param base   the environment's credentials
     * @param caller who {@code base} is, for the error message
     * @param owned  receives the provider, for closing
     */
    IdentityProvider<AwsCredentialsIdentity> assume(AwsEnvironment environment, Mode mode, String roleArn,
            Optional<String> externalId, IdentityProvider<AwsCredentialsIdentity> base, String caller,
            Consumer<Object> owned) {
        StsClient sts = clients.create(StsClient.builder(), base, environment.region());
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName);
        externalId.ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request.build())
                .build();
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            provider.close();
            String fix = AwsErrors.isAccessDenied(e)
                    ? " Make sure the role exists and its trust policy allows " + caller + " to assume it"
                            + (externalId.isPresent() ? " with the given external ID" : "")
                            + " (re-bootstrap account " + environment.account() + " with a trust for the caller's account)."
                    : " Check the role ARN and that STS is reachable in " + environment.region() + ".";
            throw new ToolkitException(ErrorCode.CREDENTIALS, "Could not assume role " + roleArn + " in account "
                    + environment.account() + " (" + mode.cliName() + ") as " + caller + ": " + AwsErrors.describe(e)
                    + "." + fix, e);
        }
        owned.accept(provider);
        LOG.info("Assumed role {} for account {} ({})", roleArn, environment.account(), mode.cliName());
        return provider;
    }

    /** {@code cdkj-<user>}, valid for STS ({@code [\w+=,.@-]{2,64}}) and auditable in CloudTrail. */
    static String sessionName(Map<String, String> env) {
        String user = env.getOrDefault("USER", env.getOrDefault("USERNAME", "user"));
        String name = UNSAFE.matcher("cdkj-" + user).replaceAll("_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
