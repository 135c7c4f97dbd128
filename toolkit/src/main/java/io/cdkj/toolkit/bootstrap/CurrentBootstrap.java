package io.cdkj.toolkit.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * An environment's bootstrap stack as deployed: what re-bootstrapping keeps and checks. Immutable.
 *
 * @param stackName             its name
 * @param parameters            its parameter values
 * @param terminationProtection whether termination protection is on
 * @param version               its {@code BootstrapVersion} output (0 without one)
 * @param variant               its {@code BootstrapVariant} parameter, else the CDK's default variant
 * @param status                its stack status, e.g. {@code UPDATE_COMPLETE}
 * @param tags                  its stack tags
 */
public record CurrentBootstrap(String stackName, Map<String, String> parameters, boolean terminationProtection,
        int version, String variant, String status, Map<String, String> tags) {

    public CurrentBootstrap {
        Objects.requireNonNull(stackName, "stackName");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(status, "status");
        tags = Map.copyOf(tags);
    }

    /** Reads a stack described by CloudFormation. */
    public static CurrentBootstrap of(Stack stack) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter parameter : stack.parameters()) {
            // a parameter deployed with an empty value comes back without one
            parameters.put(parameter.parameterKey(), Objects.toString(parameter.parameterValue(), ""));
        }
        int version = stack.outputs().stream()
                .filter(output -> "BootstrapVersion".equals(output.outputKey()))
                .map(Output::outputValue)
                .filter(value -> value != null && value.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .findFirst().orElse(0);
        String variant = parameters.getOrDefault(BootstrapParameterNames.VARIANT, BootstrapTemplate.CDK_DEFAULT_VARIANT);
        Map<String, String> tags = new LinkedHashMap<>();
        stack.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return new CurrentBootstrap(stack.stackName(), parameters, Boolean.TRUE.equals(stack.enableTerminationProtection()),
                version, variant, stack.stackStatusAsString(), tags);
    }
}
