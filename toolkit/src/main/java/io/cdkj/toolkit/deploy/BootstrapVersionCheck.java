package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The Node CLI's check before deploying a stack whose manifest requires a bootstrap version: read
 * the environment's version parameter ({@code bootstrapStackVersionSsmParameter}) with the stack's
 * credentials (its deploy role) and compare. Each environment's parameter is read once per command.
 *
 * <p>Thread-safe: parallel deployments share one instance.
 */
final class BootstrapVersionCheck {

    private final AwsClientFactory clients;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    BootstrapVersionCheck(AwsClientFactory clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Passes when the environment's bootstrap version is at least {@code required}.
     *
     * @param stackName   the stack being deployed, prefixed to every message
     * @param parameter   the SSM parameter holding the version, e.g. {@code /cdk-bootstrap/hnb659fds/version}
     * @param credentials credentials acting in {@code environment}
     * @throws ToolkitException ({@link ErrorCode#AWS}) naming the stack: the version is lower, the
     *     parameter does not exist (not bootstrapped), holds no number, or cannot be read
     */
    void require(String stackName, AwsEnvironment environment, int required, String parameter,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        int found = versions.computeIfAbsent(environment + parameter,
                key -> read(stackName, environment, required, parameter, credentials));
        if (found < required) {
            throw new ToolkitException(ErrorCode.AWS, stackName + ": This CDK deployment requires bootstrap stack version '"
                    + required + "', found '" + found + "'. Please run 'cdkj bootstrap'.");
        }
    }

    private int read(String stackName, AwsEnvironment environment, int required, String parameter,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        SsmClient ssm = clients.create(SsmClient.builder(), credentials, environment.region());
        String value;
        try {
            // a custom template may store the version as a SecureString; decryption is a no-op otherwise
            value = ssm.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value();
        } catch (ParameterNotFoundException e) {
            throw new ToolkitException(ErrorCode.AWS, stackName + ": SSM parameter " + parameter + " not found in "
                    + environment + ". Has the environment been bootstrapped? Please run 'cdkj bootstrap'.", e);
        } catch (AwsServiceException e) {
            throw new ToolkitException(ErrorCode.AWS, stackName + ": This CDK deployment requires bootstrap stack version '"
                    + required + "', but reading SSM parameter " + parameter + " in " + environment + " failed: "
                    + describe(e) + " (the deploy role needs ssm:GetParameter on it; run 'cdkj bootstrap' to grant it)", e);
        }
        if (value == null || !value.trim().matches("\\d+")) {
            throw new ToolkitException(ErrorCode.AWS, stackName + ": SSM parameter " + parameter + " in " + environment
                    + " holds '" + value + "', not a bootstrap version (run 'cdkj bootstrap' to repair it)");
        }
        return Integer.parseInt(value.trim());
    }

    private static String describe(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return "HTTP " + e.statusCode();
        }
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
