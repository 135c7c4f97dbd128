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
        try {
            Optional<String> status = Stacks.find(cloudFormation, stackName).map(s -> s.stackStatusAsString());
            // a stack whose creation failed (ROLLBACK_COMPLETE) holds nothing and is created anew
            if (status.isEmpty() || StackStatuses.neverDeployed(status.get()) || StackStatuses.mustRecreate(status.get())) {
                return MissingNode.getInstance();
            }
            String body = cloudFormation.getTemplate(r -> r.stackName(stackName)
                    .templateStage(TemplateStage.ORIGINAL)).templateBody();
            return body.trim().startsWith("{") ? JSON.readTree(body) : YAML.readTree(body);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot parse the deployed template of " + stackName
                    + ": " + JsonInput.describe(e), e);
        } catch (SdkException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot read the deployed template of " + stackName
                    + " in " + environment + ": " + e.getMessage(), e);
        }
    }
}
