package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.PseudoParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;

/**
 * What a stack's deployment sends to CloudFormation, whichever way it goes (a change set, or
 * CreateStack / UpdateStack with {@code --method direct}).
 *
 * <p>Immutable.
 *
 * @param stackName        the stack
 * @param template         the template body, or its S3 URL
 * @param parameters       the template parameters
 * @param tags             the stack tags
 * @param notificationArns SNS topics for stack events
 * @param roleArn          the CloudFormation service role
 */
record StackRequest(String stackName, TemplateSource template, List<Parameter> parameters, List<Tag> tags,
        List<String> notificationArns, Optional<String> roleArn) {

    /** Where CloudFormation reads the template from: its body, or a URL (templates over 51,200 bytes). */
    record TemplateSource(Optional<String> body, Optional<String> url) {
        TemplateSource {
            if (body.isPresent() == url.isPresent()) {
                throw new IllegalArgumentException("a template has either a body or a URL");
            }
        }
    }

    private static final List<Capability> CAPABILITIES = List.of(Capability.CAPABILITY_IAM,
            Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND);

    StackRequest {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(template, "template");
        parameters = List.copyOf(parameters);
        tags = List.copyOf(tags);
        notificationArns = List.copyOf(notificationArns);
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /**
     * The request for {@code stack}: its parameters (the assembly's, {@code --parameters}, and the
     * deployed values of the rest unless {@code --no-previous-parameters}), its tags and the options'
     * notification topics and service role (pseudo parameters resolved).
     */
    static StackRequest of(ResolvedStack stack, StackTemplate template, TemplateSource source, DeployOptions options,
            Optional<Stack> existing) {
        return new StackRequest(stack.stackName(), source, parameters(stack, template, options, existing),
                tags(stack, options), notificationArns(stack, options), serviceRole(stack, options));
    }

    private static List<Parameter> parameters(ResolvedStack stack, StackTemplate template, DeployOptions options,
            Optional<Stack> existing) {
        Map<String, String> unqualified = new LinkedHashMap<>(stack.artifact().parameters());
        unqualified.putAll(options.parameters().forStack(stack.stackName()));
        Set<String> deployed = options.previousParameters() ? existing.map(s -> s.parameters().stream()
                .map(Parameter::parameterKey).collect(Collectors.toSet())).orElse(Set.of()) : Set.of();
        return TemplateParameters.resolve(stack.stackName(), template.json(), unqualified,
                options.parameters().qualifiedFor(stack.stackName()), deployed);
    }

    private static List<Tag> tags(ResolvedStack stack, DeployOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(stack.artifact().tags());
        tags.putAll(options.tags());
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static List<String> notificationArns(ResolvedStack stack, DeployOptions options) {
        return Stream.concat(stack.artifact().notificationArns().stream(), options.notificationArns().stream())
                .distinct().toList();
    }

    private static Optional<String> serviceRole(ResolvedStack stack, DeployOptions options) {
        return options.roleArn().or(() -> stack.artifact().cloudFormationExecutionRoleArn())
                .map(arn -> PseudoParameters.resolve(arn, stack.environment()));
    }

    /** A change set named {@code name} that creates the stack or ({@code update}) changes it. */
    CreateChangeSetRequest changeSet(String name, boolean update, boolean importExistingResources) {
        CreateChangeSetRequest.Builder request = CreateChangeSetRequest.builder()
                .stackName(stackName)
                .changeSetName(name)
                .changeSetType(update ? ChangeSetType.UPDATE : ChangeSetType.CREATE)
                .capabilities(CAPABILITIES)
                .parameters(parameters)
                .tags(tags)
                .notificationARNs(notificationArns)
                .description("cdkj deploy");
        if (importExistingResources) {
            request.importExistingResources(true);
        }
        roleArn.ifPresent(request::roleARN);
        template.body().ifPresent(request::templateBody);
        template.url().ifPresent(request::templateURL);
        return request.build();
    }

    /** CreateStack; {@code rollback} false keeps what a failed creation made. */
    CreateStackRequest createStack(boolean rollback) {
        CreateStackRequest.Builder request = CreateStackRequest.builder().stackName(stackName).capabilities(CAPABILITIES)
                .parameters(parameters).tags(tags).notificationARNs(notificationArns).disableRollback(!rollback);
        roleArn.ifPresent(request::roleARN);
        template.body().ifPresent(request::templateBody);
        template.url().ifPresent(request::templateURL);
        return request.build();
    }

    /** UpdateStack; {@code rollback} false keeps what a failed update changed. */
    UpdateStackRequest updateStack(boolean rollback) {
        UpdateStackRequest.Builder request = UpdateStackRequest.builder().stackName(stackName).capabilities(CAPABILITIES)
                .parameters(parameters).tags(tags).notificationARNs(notificationArns).disableRollback(!rollback);
        roleArn.ifPresent(request::roleARN);
        template.body().ifPresent(request::templateBody);
        template.url().ifPresent(request::templateURL);
        return request.build();
    }
}
