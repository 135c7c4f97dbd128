package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.deploy.assets.docker.StackImages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Deploys one stack through a change set: checks the environment's bootstrap version when the manifest
 * requires one, waits out an operation already running, deletes the remains
 * of a failed creation ({@code ROLLBACK_COMPLETE}), creates the change set (CREATE or UPDATE), shows the
 * changes, executes it, streams events until the stack is at rest, then reports outputs.
 *
 * <p>Thread-safe: parallel stacks share one instance; all state of a deployment is local.
 */
final class StackDeployer {

    private final StackClients clients;
    private final BootstrapVersionCheck versions;
    private final StackAssets assets;
    private final ChangeSets changeSets;
    private final StackWaiter waiter;
    private final Poller poller;
    private final ProgressLog log;
    private final Clock clock;

    StackDeployer(StackClients clients, BootstrapVersionCheck versions, StackAssets assets, ChangeSets changeSets,
            StackWaiter waiter, Poller poller, ProgressLog log, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.changeSets = Objects.requireNonNull(changeSets, "changeSets");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Deploys {@code stack} once its {@code images} are published; failures (its images' too) become a
     * {@code FAILED} result (interruption is rethrown).
     */
    StackResult deploy(ResolvedStack stack, DeployOptions options, StackImages images) {
        Instant start = clock.instant();
        String name = stack.stackName();
        try {
            images.await();
            return run(stack, options, start);
        } catch (ToolkitException e) {
            if (e.code() == ErrorCode.INTERRUPTED) {
                throw e;
            }
            log.stack(name, "FAILED after " + seconds(start) + " — " + e.getMessage());
            return StackResult.failed(name, elapsed(start), e.getMessage(), e.code());
        } catch (SdkException e) {
            String why = "AWS call failed in " + stack.environment() + ": " + e.getMessage();
            log.stack(name, "FAILED after " + seconds(start) + " — " + why);
            return StackResult.failed(name, elapsed(start), why);
        }
    }

    private StackResult run(ResolvedStack stack, DeployOptions options, Instant start) {
        String name = stack.stackName();
        log.stack(name, "deploying to " + stack.environment());
        IdentityProvider<AwsCredentialsIdentity> credentials = clients.credentials(stack);
        requireBootstrapVersion(stack, credentials);
        CloudFormationClient cloudFormation = clients.cloudFormation(stack, credentials);
        if (options.method() == DeployMethod.EXECUTE_CHANGE_SET) {
            return executeExisting(cloudFormation, stack, options, start);
        }
        StackTemplate template = StackTemplate.read(stack.artifact().templateFile());
        StackRequest.TemplateSource source = assets.publish(stack, template, credentials, options.force());
        Optional<Stack> existing = settle(cloudFormation, stack);
        StackRequest request = StackRequest.of(stack, template, source, options, existing);
        if (options.method() == DeployMethod.DIRECT) {
            return direct(cloudFormation, stack, request, existing, options, start);
        }
        String changeSetName = options.changeSetName().orElse("cdkj-deploy-" + start.toEpochMilli());
        if (options.changeSetName().isPresent() && existing.isPresent()) {
            // names are unique per stack: an earlier change set of this name (a prepared one) gives way, as in the Node CLI
            changeSets.deleteQuietly(cloudFormation, name, changeSetName);
        }
        ChangeSetPlan plan = changeSets.create(cloudFormation,
                request.changeSet(changeSetName, existing.isPresent(), options.importExistingResources()));
        if (plan instanceof ChangeSetPlan.Ready ready) {
            ready.changes().forEach(change -> log.stack(name, "change: " + ChangeSets.describe(change)));
            if (options.method() == DeployMethod.PREPARE_CHANGE_SET) {
                log.stack(name, "change set " + changeSetName + " created, not executed (--method prepare-change-set);"
                        + " run it with --method execute-change-set --change-set-name " + changeSetName);
                return new StackResult(name, StackResult.Outcome.PREPARED, existing.map(StackDeployer::outputs)
                        .orElse(Map.of()), elapsed(start), Optional.empty());
            }
            return execute(cloudFormation, stack, ready, options, start);
        }
        changeSets.deleteQuietly(cloudFormation, name, plan.changeSetId());
        Stack current = existing.orElseThrow(() -> new IllegalStateException("a new stack cannot be unchanged"));
        protect(cloudFormation, stack, current);
        log.stack(name, "no changes (" + seconds(start) + ")");
        return new StackResult(name, StackResult.Outcome.NO_CHANGES, outputs(current), elapsed(start), Optional.empty());
    }

    /**
     * The Node CLI's check, before anything is published: a stack whose manifest requires a bootstrap
     * version reads the environment's version parameter with its own (deploy role) credentials.
     */
    private void requireBootstrapVersion(ResolvedStack stack, IdentityProvider<AwsCredentialsIdentity> credentials) {
        StackArtifact artifact = stack.artifact();
        if (artifact.requiresBootstrapStackVersion().isPresent() && artifact.bootstrapStackVersionSsmParameter().isPresent()) {
            versions.require(stack.displayName(), stack.environment(), artifact.requiresBootstrapStackVersion().getAsInt(),
                    artifact.bootstrapStackVersionSsmParameter().get(), credentials);
        }
    }

    /** {@code --method execute-change-set}: executes the change set {@code --change-set-name} created earlier. */
    private StackResult executeExisting(CloudFormationClient cloudFormation, ResolvedStack stack, DeployOptions options,
            Instant start) {
        String name = stack.stackName();
        String changeSetName = options.changeSetName().orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                "--method execute-change-set needs --change-set-name NAME (the change set prepared earlier)"));
        ChangeSetPlan plan = changeSets.existing(cloudFormation, name, changeSetName);
        if (plan instanceof ChangeSetPlan.Ready ready) {
            ready.changes().forEach(change -> log.stack(name, "change: " + ChangeSets.describe(change)));
            return execute(cloudFormation, stack, ready, options, start);
        }
        Stack current = Stacks.find(cloudFormation, name).orElseThrow(() -> new ToolkitException(ErrorCode.AWS,
                "Stack " + name + " does not exist; prepare its change set with --method prepare-change-set"));
        log.stack(name, "no changes in change set " + changeSetName + " (" + seconds(start) + ")");
        return new StackResult(name, StackResult.Outcome.NO_CHANGES, outputs(current), elapsed(start), Optional.empty());
    }

    /** {@code --method direct}: CreateStack or UpdateStack, then the events to the end. */
    private StackResult direct(CloudFormationClient cloudFormation, ResolvedStack stack, StackRequest request,
            Optional<Stack> existing, DeployOptions options, Instant start) {
        String name = stack.stackName();
        Optional<String> before = existing.flatMap(s -> StackEventStream.newestEventId(cloudFormation, s.stackId(), poller));
        String stackId;
        if (existing.isEmpty()) {
            stackId = cloudFormation.createStack(request.createStack(options.rollback())).stackId();
        } else {
            try {
                stackId = cloudFormation.updateStack(request.updateStack(options.rollback())).stackId();
            } catch (CloudFormationException e) {
                if (!String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                        .contains("No updates are to be performed")) {
                    throw e;
                }
                protect(cloudFormation, stack, existing.get());
                log.stack(name, "no changes (" + seconds(start) + ")");
                return new StackResult(name, StackResult.Outcome.NO_CHANGES, outputs(existing.get()), elapsed(start),
                        Optional.empty());
            }
        }
        return finish(cloudFormation, stack, stackId, new StackEventStream(cloudFormation, stackId, before), options, start);
    }

    /** Executes the change set and follows the stack's events to the end. */
    private StackResult execute(CloudFormationClient cloudFormation, ResolvedStack stack, ChangeSetPlan.Ready ready,
            DeployOptions options, Instant start) {
        String name = stack.stackName();
        // the newest event before executing: everything after it belongs to this deployment
        Optional<String> before = StackEventStream.newestEventId(cloudFormation, ready.stackId(), poller);
        StackEventStream events = new StackEventStream(cloudFormation, ready.stackId(), before);
        // Throttling must not turn a deployment CloudFormation would run into a failure; the token makes a
        // retried request one execution.
        String token = "cdkj-" + UUID.randomUUID();
        poller.retryThrottled("the change set of " + name, () -> cloudFormation.executeChangeSet(r -> {
            r.stackName(name).changeSetName(ready.changeSetId()).clientRequestToken(token);
            if (!options.rollback()) {
                r.disableRollback(true);
            }
        }));
        return finish(cloudFormation, stack, ready.stackId(), events, options, start);
    }

    private StackResult finish(CloudFormationClient cloudFormation, ResolvedStack stack, String stackId,
            StackEventStream events, DeployOptions options, Instant start) {
        String name = stack.stackName();
        Stack result = waiter.untilStable(cloudFormation, name, stackId, events, options.progress()).orElseThrow(
                () -> new ToolkitException(ErrorCode.AWS, "Stack " + name + " disappeared while deploying"));
        if (!StackStatuses.deployed(result.stackStatusAsString())) {
            String why = result.stackStatusAsString() + ": " + events.firstFailure()
                    .orElse(Objects.toString(result.stackStatusReason(), "no reason given"));
            log.stack(name, "FAILED after " + seconds(start) + " — " + why);
            return StackResult.failed(name, elapsed(start), why);
        }
        protect(cloudFormation, stack, result);
        log.stack(name, "deployed (" + result.stackStatusAsString() + ") in " + seconds(start));
        return new StackResult(name, StackResult.Outcome.DEPLOYED, outputs(result), elapsed(start), Optional.empty());
    }

    /** The stack as it stands when no other operation is running; empty if it must be (re-)created. */
    private Optional<Stack> settle(CloudFormationClient cloudFormation, ResolvedStack stack) {
        String name = stack.stackName();
        Optional<Stack> existing = poller.retryThrottled("stack " + name, () -> Stacks.find(cloudFormation, name));
        if (existing.isPresent() && StackStatuses.inProgress(existing.get().stackStatusAsString())) {
            log.stack(name, "waiting for the running " + existing.get().stackStatusAsString() + " to finish");
            existing = waiter.untilStable(cloudFormation, name, existing.get().stackId(),
                    new StackEventStream(cloudFormation, existing.get().stackId(),
                            StackEventStream.newestEventId(cloudFormation, existing.get().stackId(), poller)));
        }
        if (existing.isPresent() && StackStatuses.mustRecreate(existing.get().stackStatusAsString())) {
            Stack failed = existing.get();
            log.stack(name, "stack is in " + failed.stackStatusAsString()
                    + " (a previous creation failed); deleting it before creating it again");
            StackEventStream events = new StackEventStream(cloudFormation, failed.stackId(),
                    StackEventStream.newestEventId(cloudFormation, failed.stackId(), poller));
            poller.retryThrottled("stack " + name, () -> cloudFormation.deleteStack(r -> r.stackName(failed.stackId())));
            existing = waiter.untilStable(cloudFormation, name, failed.stackId(), events)
                    .filter(s -> !s.stackStatusAsString().equals("DELETE_COMPLETE"));
            if (existing.isPresent()) {
                throw new ToolkitException(ErrorCode.AWS, "Could not delete stack " + name + " in "
                        + existing.get().stackStatusAsString() + ": " + existing.get().stackStatusReason()
                        + " (delete it in the console, then deploy again)");
            }
        }
        return existing.filter(s -> !StackStatuses.neverDeployed(s.stackStatusAsString())
                && !s.stackStatusAsString().equals("DELETE_COMPLETE"));
    }

    private void protect(CloudFormationClient cloudFormation, ResolvedStack stack, Stack current) {
        // only call when it differs: one call fewer per deploy, and moto lacks this operation
        if (Boolean.TRUE.equals(current.enableTerminationProtection()) != stack.artifact().terminationProtection()) {
            poller.retryThrottled("stack " + stack.stackName(), () -> cloudFormation.updateTerminationProtection(
                    r -> r.stackName(current.stackId()).enableTerminationProtection(stack.artifact().terminationProtection())));
            log.stack(stack.stackName(), "termination protection " + (stack.artifact().terminationProtection() ? "enabled" : "disabled"));
        }
    }

    private static Map<String, String> outputs(Stack stack) {
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach((Output o) -> outputs.put(o.outputKey(), o.outputValue()));
        return outputs;
    }

    private Duration elapsed(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private String seconds(Instant start) {
        return String.format(Locale.ROOT, "%.1fs", elapsed(start).toMillis() / 1000.0);
    }
}
