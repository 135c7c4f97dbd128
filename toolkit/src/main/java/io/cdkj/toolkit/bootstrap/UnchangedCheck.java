package io.cdkj.toolkit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Whether a bootstrap stack already is exactly what would be deployed, as the Node CLI decides before
 * deploying: at rest after a successful operation, the same template, the same parameters, tags and
 * termination protection. Then nothing is sent to CloudFormation (no change set to create, wait for
 * and delete). Stateless.
 */
final class UnchangedCheck {

    private static final Set<String> AT_REST = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");

    private UnchangedCheck() {
    }

    /**
     * @param deployed the deployed template (GetTemplate, read as {@link TemplateYaml} reads it)
     * @param tags     the tags the stack would get
     */
    static boolean unchanged(CurrentBootstrap current, JsonNode deployed, BootstrapTemplate template, BootstrapPlan plan,
            Map<String, String> tags) {
        return AT_REST.contains(current.status())
                && template.parsed().equals(deployed)
                && current.parameters().equals(plan.parameters())
                && current.tags().equals(tags)
                && current.terminationProtection() == plan.terminationProtection();
    }
}
