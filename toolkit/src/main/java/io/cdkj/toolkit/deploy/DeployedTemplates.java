package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * The template a stack has in CloudFormation now (GetTemplate, the original as submitted, JSON or
 * YAML), or {@link MissingNode} when the stack does not exist, was never deployed, or holds nothing
 * because its creation failed.
 *
 * <p>Stateless and thread-safe.
 */
final class DeployedTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployedTemplates() {
    }

    /**
     * @param stackName the stack's name or id
     * @throws ToolkitException ({@link ErrorCode#AWS}) naming the stack when it cannot be read or parsed
     */
    static JsonNode of(CloudFormationClient cloudFormation, String stackName, AwsEnvironment environment) {
        return of(cloudFormation, stackName, environment, Optional.empty());
    }

    /**
     * Like {@link #of(CloudFormationClient, String, AwsEnvironment)}, its calls retried by {@code poller} while
     * CloudFormation throttles them (a deploy reads every stack before it starts).
     */
    static JsonNode of(CloudFormationClient cloudFormation, String stackName, AwsEnvironment environment, Poller poller) {
        return of(cloudFormation, stackName, environment, Optional.of(poller));
    }

    private static JsonNode of(CloudFormationClient cloudFormation, String stackName, AwsEnvironment environment,
            Optional<Poller> poller) {
        try {
            Optional<String> status = call(poller, stackName, () -> Stacks.find(cloudFormation, stackName))
                    .map(s -> s.stackStatusAsString());
            // a stack whose creation failed (ROLLBACK_COMPLETE) holds nothing and is created anew
            if (status.isEmpty() || StackStatuses.neverDeployed(status.get()) || StackStatuses.mustRecreate(status.get())) {
                return MissingNode.getInstance();
            }
            String body = call(poller, stackName, () -> cloudFormation.getTemplate(r -> r.stackName(stackName)
                    .templateStage(TemplateStage.ORIGINAL))).templateBody();
            return body.trim().startsWith("{") ? JSON.readTree(body) : YAML.readTree(body);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot parse the deployed template of " + stackName
                    + ": " + JsonInput.describe(e), e);
        } catch (SdkException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot read the deployed template of " + stackName
                    + " in " + environment + ": " + e.getMessage(), e);
        }
    }

    private static <T> T call(Optional<Poller> poller, String stackName, Supplier<T> call) {
        return poller.isPresent() ? poller.get().retryThrottled("stack " + stackName, call) : call.get();
    }
}
