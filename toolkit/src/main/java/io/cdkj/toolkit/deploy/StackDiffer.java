package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.diff.SecurityChanges;
import io.cdkj.toolkit.diff.SecurityDiff;
import io.cdkj.toolkit.diff.SecurityTable;
import io.cdkj.toolkit.diff.TemplateChanges;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * {@code cdkj diff}: for each stack, its security changes (the Node CDK CLI's tables) and what its
 * synthesized template changes against the deployed one, nested stacks' own changes included (see
 * {@link NestedTemplates}). With {@link DiffMethod#TEMPLATE} only READ credentials are used (the lookup
 * role); the change-set methods use the stack's WRITE target to create a change set (deleted again)
 * that tells which resources would be replaced — {@link DiffMethod#AUTO} falls back to the templates
 * when it cannot.
 *
 * <p>Thread-safe; sequential (a diff is a few calls per stack).
 */
public final class StackDiffer {

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final ProgressLog log;
    private final DiffChangeSet changeSets;
    private final Consumer<String> verbose;

    public StackDiffer(TargetCredentials credentials, AwsClientFactory clients, PrintWriter out) {
        this(credentials, clients, out, Sleeper.SYSTEM, line -> { });
    }

    /**
     * @param sleeper waits while a change set is computed
     * @param verbose receives why a change set could not be used ({@code --verbose})
     */
    public StackDiffer(TargetCredentials credentials, AwsClientFactory clients, PrintWriter out, Sleeper sleeper,
            Consumer<String> verbose) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.log = new ProgressLog(out);
        this.changeSets = new DiffChangeSet(new ChangeSets(new Poller(sleeper, PollBackoff.DEFAULT)));
        this.verbose = Objects.requireNonNull(verbose, "verbose");
    }

    /** Prints the differences of every stack with the defaults ({@code --method auto}). */
    public int diff(List<ResolvedStack> stacks) {
        return diff(stacks, DiffOptions.DEFAULTS);
    }

    /**
     * Prints the differences of every stack and, at the end, how many differ.
     *
     * @return the number of stacks that differ (with {@code --security-only}: whose security changes broaden)
     */
    public int diff(List<ResolvedStack> stacks, DiffOptions options) {
        int differing = 0;
        for (ResolvedStack stack : stacks) {
            differing += diff(stack, options) ? 1 : 0;
        }
        log.line("");
        log.line("✨  Number of stacks with differences: " + differing);
        return differing;
    }

    private boolean diff(ResolvedStack stack, DiffOptions options) {
        JsonNode proposed = StackTemplate.read(stack.artifact().templateFile()).json();
        Map<String, String> impacts = Map.of();
        Optional<CloudFormationClient> writer = Optional.empty();
        if (options.method() != DiffMethod.TEMPLATE) {
            try {
                CloudFormationClient cloudFormation = cloudFormation(stack, Mode.WRITE);
                impacts = changeSets.impacts(cloudFormation, stack);
                writer = Optional.of(cloudFormation);
            } catch (ToolkitException | SdkException e) {
                if (options.method() == DiffMethod.CHANGE_SET) {
                    throw e;
                }
                log.line("Could not create a change set for " + stack.stackName() + ", will base the diff on template"
                        + " differences (run again with -v to see the reason)");
                verbose.accept(stack.stackName() + ": " + e.getMessage());
            }
        }
        CloudFormationClient cloudFormation = writer.orElseGet(() -> cloudFormation(stack, Mode.READ));
        JsonNode deployed = DeployedTemplates.of(cloudFormation, stack.stackName(), stack.environment());
        NestedTemplates.Expanded expanded = NestedTemplates.expand(cloudFormation, stack.environment(), stack.stackName(),
                stack.stackName(), stack.artifact().templateFile().getParent(), deployed, proposed);
        SecurityChanges security = SecurityDiff.between(deployed, proposed);
        TemplateChanges.Rendering changes = TemplateChanges.render(expanded.deployed(), expanded.proposed(),
                options.contextLines(), options.strict(), impacts);
        boolean broadening = security.broadening()
                || expanded.nested().stream().anyMatch(n -> SecurityDiff.between(n.deployed(), n.proposed()).broadening());
        if (options.securityOnly()) {
            if (broadening) {
                log.line("Stack " + stack.stackName());
                log.line("This deployment will make potentially sensitive changes according to your current security"
                        + " approval level.");
                printSecurity(security, deployed, proposed, expanded);
            }
            return broadening;
        }
        boolean differs = changes.differences() > 0;
        if (!differs && options.quiet()) {
            return false;
        }
        log.line("Stack " + stack.stackName() + (deployed.isMissingNode() ? " (not deployed yet)" : ""));
        printSecurity(security, deployed, proposed, expanded);
        if (differs) {
            changes.lines().forEach(log::line);
        } else {
            log.line("There were no differences");
            log.line("");
        }
        return differs;
    }

    private void printSecurity(SecurityChanges security, JsonNode deployed, JsonNode proposed,
            NestedTemplates.Expanded expanded) {
        String table = SecurityTable.render(security, deployed, proposed);
        if (!table.isEmpty()) {
            table.lines().forEach(log::line);
            log.line("");
        }
        for (NestedTemplates.Nested nested : expanded.nested()) {
            SecurityChanges changes = SecurityDiff.between(nested.deployed(), nested.proposed());
            String nestedTable = SecurityTable.render(changes, nested.deployed(), nested.proposed());
            if (!nestedTable.isEmpty()) {
                log.line("Nested stack " + nested.path());
                nestedTable.lines().forEach(log::line);
                log.line("");
            }
        }
    }

    private CloudFormationClient cloudFormation(ResolvedStack stack, Mode mode) {
        return clients.create(CloudFormationClient.builder(), credentials.forTarget(stack.target(mode)),
                stack.environment().region());
    }
}
