package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * The nested stacks of a template ({@code AWS::CloudFormation::Stack} resources whose template the
 * assembly holds, named by their {@code aws:asset:path} metadata): their new templates from the
 * assembly and their deployed ones from CloudFormation (the nested stack the parent's resource points
 * to). A diff shows a nested stack's own changes rather than its {@code TemplateURL}, so the pair is
 * also folded into copies of the parent templates: each such resource's {@code TemplateURL} replaced by
 * a {@code NestedTemplate} property holding the template, as the Node CDK CLI does.
 *
 * <p>Stateless and thread-safe.
 */
final class NestedTemplates {

    private static final int MAX_DEPTH = 5;

    /** One nested stack: its logical id in the parent, its display path, and both templates (folded). */
    record Nested(String path, JsonNode deployed, JsonNode proposed) {
    }

    /** The parent's templates with the nested ones folded in, and every nested stack (depth first). */
    record Expanded(JsonNode deployed, JsonNode proposed, List<Nested> nested) {
        Expanded {
            nested = List.copyOf(nested);
        }
    }

    private NestedTemplates() {
    }

    /**
     * @param stackName     the deployed parent (name or id), to find its nested stacks
     * @param assemblyDir   where the parent's template (and so the nested ones) lie
     * @param displayName   the parent's name in messages
     */
    static Expanded expand(CloudFormationClient cloudFormation, AwsEnvironment environment, String stackName,
            String displayName, Path assemblyDir, JsonNode deployed, JsonNode proposed) {
        List<Nested> all = new ArrayList<>();
        Expanded expanded = expand(cloudFormation, environment, stackName, displayName, assemblyDir, deployed, proposed,
                all, 0);
        return new Expanded(expanded.deployed(), expanded.proposed(), all);
    }

    private static Expanded expand(CloudFormationClient cloudFormation, AwsEnvironment environment, String stackName,
            String displayName, Path assemblyDir, JsonNode deployed, JsonNode proposed, List<Nested> all, int depth) {
        if (depth >= MAX_DEPTH || !proposed.path("Resources").isObject()) {
            return new Expanded(deployed, proposed, List.of());
        }
        ObjectNode newParent = proposed.deepCopy();
        JsonNode oldParent = deployed.isObject() ? deployed.deepCopy() : deployed;
        for (var resource : proposed.path("Resources").properties()) {
            String id = resource.getKey();
            Optional<Path> file = nestedTemplateFile(resource.getValue(), assemblyDir);
            if (file.isEmpty()) {
                continue;
            }
            JsonNode nestedProposed = StackTemplate.read(file.get()).json();
            Optional<String> nestedStackId = deployed.path("Resources").has(id)
                    ? physicalId(cloudFormation, stackName, id) : Optional.empty();
            JsonNode nestedDeployed = nestedStackId.map(nestedId -> DeployedTemplates.of(cloudFormation, nestedId, environment))
                    .orElse(MissingNode.getInstance());
            String path = displayName + "/" + id;
            Expanded inner = expand(cloudFormation, environment, nestedStackId.orElse(""), path,
                    file.get().getParent(), nestedDeployed, nestedProposed, all, depth + 1);
            all.add(new Nested(path, inner.deployed(), inner.proposed()));
            fold((ObjectNode) newParent.path("Resources").path(id), inner.proposed());
            if (oldParent.path("Resources").path(id) instanceof ObjectNode oldResource) {
                fold(oldResource, inner.deployed());
            }
        }
        return new Expanded(oldParent, newParent, List.of());
    }

    private static Optional<Path> nestedTemplateFile(JsonNode resource, Path assemblyDir) {
        if (!"AWS::CloudFormation::Stack".equals(resource.path("Type").textValue())) {
            return Optional.empty();
        }
        String asset = resource.path("Metadata").path("aws:asset:path").textValue();
        if (asset == null) {
            return Optional.empty();
        }
        Path file = assemblyDir.resolve(asset);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static void fold(ObjectNode resource, JsonNode template) {
        if (resource.get("Properties") instanceof ObjectNode properties) {
            properties.remove("TemplateURL");
            properties.set("NestedTemplate", template.isMissingNode() ? null : template);
        }
    }

    private static Optional<String> physicalId(CloudFormationClient cloudFormation, String parent, String logicalId) {
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(cloudFormation.describeStackResource(r -> r.stackName(parent)
                    .logicalResourceId(logicalId)).stackResourceDetail().physicalResourceId());
        } catch (CloudFormationException e) {
            return Optional.empty(); // not created yet (a failed creation): compare with nothing
        }
    }
}
