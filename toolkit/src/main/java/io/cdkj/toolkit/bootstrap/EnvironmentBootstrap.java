package io.cdkj.toolkit.bootstrap;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.Partitions;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.deploy.DeployEngine;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.StackResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * One environment's bootstrap, in two steps the {@link Bootstrapper} runs for all environments:
 * {@link #lookUp} reads the current bootstrap stack with the environment's WRITE credentials (exactly
 * as a deploy gets them, without a role: the roles are what is being created); {@link #bootstrap}
 * decides (takeover rules, parameters, "no changes") and deploys through the deploy engine.
 *
 * <p>Thread-safe: one instance serves all environments; the state of each is in its {@link Looked}.
 */
final class EnvironmentBootstrap {

    /** States of a stack that was never successfully deployed: nothing to keep from it. */
    private static final Set<String> NEVER_DEPLOYED = Set.of("REVIEW_IN_PROGRESS", "ROLLBACK_COMPLETE", "DELETE_COMPLETE");

    /** Where an environment stands after {@link #lookUp}. */
    sealed interface Step {
        AwsEnvironment environment();
    }

    /** Its current bootstrap stack has been read (or it has none). */
    record Looked(AwsEnvironment environment, Instant start, CloudFormationClient cloudFormation,
            Optional<CurrentBootstrap> current) implements Step {
    }

    /** It could not even be looked at (no credentials, CloudFormation unreachable). */
    record Ended(BootstrapResult result) implements Step {
        @Override
        public AwsEnvironment environment() {
            return result.environment();
        }
    }

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final Function<PrintWriter, DeployEngine> engines;
    private final ProgressLog log;
    private final Clock clock;
    private final BootstrapOptions options;
    private final BootstrapTemplate template;
    private final Path templateFile;

    /**
     * @param engines      a deploy engine printing its progress to the given writer
     * @param templateFile {@code template}'s body, where the deploy engine reads stack templates from
     */
    EnvironmentBootstrap(TargetCredentials credentials, AwsClientFactory clients, Function<PrintWriter, DeployEngine> engines,
            ProgressLog log, Clock clock, BootstrapOptions options, BootstrapTemplate template, Path templateFile) {
        this.credentials = credentials;
        this.clients = clients;
        this.engines = engines;
        this.log = log;
        this.clock = clock;
        this.options = options;
        this.template = template;
        this.templateFile = templateFile;
    }

    /**
     * @throws ToolkitException when there are no credentials for the environment
     * @throws software.amazon.awssdk.core.exception.SdkException when CloudFormation cannot be asked
     */
    Looked lookUp(AwsEnvironment environment, Instant start) {
        CloudFormationClient cloudFormation = clients.create(CloudFormationClient.builder(),
                credentials.forTarget(CredentialTarget.of(environment, Mode.WRITE)), environment.region());
        Optional<CurrentBootstrap> current = find(cloudFormation, options.toolkitStackName())
                .filter(stack -> !NEVER_DEPLOYED.contains(stack.stackStatusAsString()))
                .map(CurrentBootstrap::of);
        return new Looked(environment, start, cloudFormation, current);
    }

    /**
     * @param pluginRoles whether this environment's stack holds the plugin roles (empty: keep)
     * @throws ToolkitException for an option this environment's stack cannot take (e.g. trusted accounts
     *     without execution policies, counting the ones already granted)
     */
    BootstrapResult bootstrap(Looked looked, Optional<Boolean> pluginRoles) {
        AwsEnvironment environment = looked.environment();
        String label = environment.toString();
        Takeover takeover = Takeover.decide(template, looked.current(), options.force());
        if (takeover instanceof Takeover.Refused refused) {
            log.stack(label, "warning: " + refused.message() + "; left as it is");
            return BootstrapResult.leftAsIs(environment, refused.message(), since(looked.start()));
        }
        BootstrapPlan plan = BootstrapParameters.resolve(options, template, looked.current(), pluginRoles,
                Partitions.ofRegion(environment.region()));
        log.stack(label, "bootstrapping " + options.toolkitStackName() + " (" + template.source() + ", version "
                + template.version() + ")");
        plan.notes().forEach(note -> log.stack(label, note));
        plan.warnings().forEach(warning -> log.stack(label, "warning: " + warning));
        Map<String, String> tags = plan.tags().orElse(looked.current().map(CurrentBootstrap::tags).orElse(Map.of()));
        if (looked.current().isPresent() && !options.force() && unchanged(looked, plan, tags)) {
            log.stack(label, "no changes");
            return BootstrapResult.of(environment, BootstrapResult.Outcome.NO_CHANGES, since(looked.start()));
        }
        StackResult result = deploy(environment, plan, tags);
        return switch (result.outcome()) {
            case DEPLOYED -> BootstrapResult.of(environment, BootstrapResult.Outcome.BOOTSTRAPPED, since(looked.start()));
            case NO_CHANGES -> BootstrapResult.of(environment, BootstrapResult.Outcome.NO_CHANGES, since(looked.start()));
            default -> BootstrapResult.failed(environment, result.failure().orElse(result.outcome().toString()),
                    result.failureCode(), since(looked.start()));
        };
    }

    private boolean unchanged(Looked looked, BootstrapPlan plan, Map<String, String> tags) {
        String deployed = looked.cloudFormation().getTemplate(r -> r.stackName(options.toolkitStackName())
                .templateStage(TemplateStage.ORIGINAL)).templateBody();
        try {
            return UnchangedCheck.unchanged(looked.current().orElseThrow(), TemplateYaml.read(deployed), template, plan, tags);
        } catch (IOException e) {
            return false; // a deployed template we cannot read is replaced
        }
    }

    /** The bootstrap stack through the deploy engine: change set, events, termination protection. */
    private StackResult deploy(AwsEnvironment environment, BootstrapPlan plan, Map<String, String> tags) {
        StackArtifact artifact = StackArtifact.builder(options.toolkitStackName(), environment.toString(), templateFile)
                .displayName(environment.toString())
                .parameters(plan.parameters())
                .tags(tags)
                .terminationProtection(plan.terminationProtection())
                .build();
        try (PrintWriter progress = new PrintWriter(new EnvironmentLines(log, environment.toString(),
                options.toolkitStackName()))) {
            DeployEngine engine = engines.apply(progress);
            // one stack with no assets: the defaults' concurrencies play no part
            return engine.deployOne(new ResolvedStack(artifact, environment), DeployOptions.DEFAULTS);
        }
    }

    private static Optional<Stack> find(CloudFormationClient cloudFormation, String stackName) {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }

    /** The message and code of a failure the environment's result records. */
    static BootstrapResult failure(AwsEnvironment environment, RuntimeException e, Duration elapsed) {
        if (e instanceof ToolkitException toolkit) {
            return BootstrapResult.failed(environment, toolkit.getMessage(), toolkit.code(), elapsed);
        }
        return BootstrapResult.failed(environment, "AWS call failed in " + environment + ": " + e.getMessage(),
                ErrorCode.AWS, elapsed);
    }
}
