package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.assembly.ResolvedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.credentials.TargetCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * {@code cdkj diff}: compares each stack's synthesized template with the deployed one (GetTemplate,
 * with READ credentials: a diff changes nothing) and prints a summary per stack.
 *
 * <p>Thread-safe; sequential (a diff is a few calls per stack).
 */
public final class StackDiffer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final ProgressLog log;

    public StackDiffer(TargetCredentials credentials, AwsClientFactory clients, PrintWriter out) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.log = new ProgressLog(out);
    }

    /**
     * Prints the differences of every stack.
     *
     * @return the number of stacks that differ
     */
    public int diff(List<ResolvedStack> stacks) {
        int differing = 0;
        for (ResolvedStack stack : stacks) {
            CloudFormationClient cloudFormation = clients.create(CloudFormationClient.builder(),
                    credentials.forTarget(stack.target(Mode.READ)), stack.environment().region());
            JsonNode deployed = deployed(cloudFormation, stack);
            List<String> lines = TemplateDiff.lines(deployed, StackTemplate.read(stack.artifact().templateFile()).json());
            log.line("Stack " + stack.stackName() + " (" + stack.environment() + ")"
                    + (deployed.isMissingNode() ? " — not deployed yet" : ""));
            if (lines.isEmpty()) {
                log.line("There were no differences");
            } else {
                differing++;
                lines.forEach(log::line);
            }
            log.line("");
        }
        return differing;
    }

    private static JsonNode deployed(CloudFormationClient cloudFormation, ResolvedStack stack) {
        try {
            Optional<String> status = Stacks.find(cloudFormation, stack.stackName()).map(s -> s.stackStatusAsString());
            if (status.isEmpty() || StackStatuses.neverDeployed(status.get())) {
                return MissingNode.getInstance();
            }
            String body = cloudFormation.getTemplate(r -> r.stackName(stack.stackName())
                    .templateStage(TemplateStage.ORIGINAL)).templateBody();
            return body.trim().startsWith("{") ? JSON.readTree(body) : YAML.readTree(body);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot parse the deployed template of " + stack.stackName()
                    + ": " + JsonInput.describe(e), e);
        } catch (SdkException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot read the deployed template of " + stack.stackName()
                    + " in " + stack.environment() + ": " + e.getMessage(), e);
        }
    }
}
