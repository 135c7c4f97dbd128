package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The change set a diff creates to learn which resources would be replaced: an UPDATE change set of
 * the synthesized template (deployed parameter values kept), described and deleted again. A stack
 * that does not exist yet has nothing to replace.
 *
 * <p>Thread-safe (immutable).
 */
final class DiffChangeSet {

    private final ChangeSets changeSets;

    DiffChangeSet(ChangeSets changeSets) {
        this.changeSets = Objects.requireNonNull(changeSets, "changeSets");
    }

    /**
     * Logical id to {@code replace} or {@code may be replaced}, for the resources the change set would replace.
     *
     * @throws ToolkitException when the change set cannot be created (the caller may fall back to templates)
     */
    Map<String, String> impacts(CloudFormationClient cloudFormation, ResolvedStack stack) {
        Optional<Stack> existing = Stacks.find(cloudFormation, stack.stackName())
                .filter(s -> !StackStatuses.neverDeployed(s.stackStatusAsString()));
        if (existing.isEmpty()) {
            return Map.of();
        }
        StackTemplate template = StackTemplate.read(stack.artifact().templateFile());
        if (!template.inline()) {
            throw new ToolkitException(ErrorCode.USAGE, "the template is larger than a change set takes inline");
        }
        StackRequest request = StackRequest.of(stack, template,
                new StackRequest.TemplateSource(Optional.of(template.text()), Optional.empty()), DeployOptions.DEFAULTS,
                existing);
        ChangeSetPlan plan = changeSets.create(cloudFormation,
                request.changeSet("cdkj-diff-" + System.currentTimeMillis(), true, false));
        changeSets.deleteQuietly(cloudFormation, stack.stackName(), plan.changeSetId());
        Map<String, String> impacts = new LinkedHashMap<>();
        if (plan instanceof ChangeSetPlan.Ready ready) {
            for (ResourceChange change : ready.changes()) {
                String replacement = change.replacementAsString();
                if ("True".equals(replacement)) {
                    impacts.put(change.logicalResourceId(), "replace");
                } else if ("Conditional".equals(replacement)) {
                    impacts.put(change.logicalResourceId(), "may be replaced");
                }
            }
        }
        return impacts;
    }
}
