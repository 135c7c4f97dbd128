package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * Decides the parameter values of a change set from the template's {@code Parameters} section, the
 * values given (assembly + {@code --parameters}) and the deployed stack's current parameters: a given
 * value wins; a parameter the stack already has keeps its previous value, default or not, as in the
 * Node CDK CLI (so a deploy does not need every value repeated, and a value given once is not reset to
 * the default by the next deploy; {@code --no-previous-parameters} passes no deployed keys); otherwise
 * CloudFormation applies the default.
 * Stateless.
 */
final class TemplateParameters {

    private TemplateParameters() {
    }

    /**
     * @param unqualified values that apply to any stack declaring them
     * @param qualified   values given for this stack by name; each must be declared
     * @param existing    parameter keys of the deployed stack (empty for a new stack)
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the stack and parameter when a
     *     qualified value is not declared by the template
     */
    static List<Parameter> resolve(String stackName, JsonNode template, Map<String, String> unqualified,
            Map<String, String> qualified, Set<String> existing) {
        JsonNode declared = template.path("Parameters");
        for (String key : qualified.keySet()) {
            if (!declared.has(key)) {
                throw new ToolkitException(ErrorCode.USAGE, "Stack " + stackName + " has no parameter '" + key
                        + "'; its template declares " + names(declared) + " (check --parameters)");
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Iterator<String> it = declared.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String value = qualified.containsKey(key) ? qualified.get(key) : unqualified.get(key);
            if (value != null) {
                parameters.add(Parameter.builder().parameterKey(key).parameterValue(value).build());
            } else if (existing.contains(key)) {
                parameters.add(Parameter.builder().parameterKey(key).usePreviousValue(true).build());
            }
        }
        return parameters;
    }

    private static List<String> names(JsonNode declared) {
        List<String> names = new ArrayList<>();
        declared.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
