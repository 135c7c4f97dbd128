package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.diff.SecurityChanges;
import io.cdkj.toolkit.diff.SecurityDiff;
import io.cdkj.toolkit.diff.SecurityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * {@code --require-approval}: before anything of a deployment happens — no asset uploaded, no change
 * set created or executed — compares each stack's template with the deployed one and decides which
 * stacks need approval: those whose security-relevant changes widen permissions
 * ({@link RequireApproval#BROADENING}, the default), or those with any change
 * ({@link RequireApproval#ANY_CHANGE}). Their security tables are printed as the Node CDK CLI prints
 * them. On a terminal each is asked for; without one (CI, {@code --ci}) the deployment stops naming
 * the stacks and how to proceed.
 *
 * <p>Thread-safe; asks one question at a time.
 */
final class ApprovalGate {

    private final StackClients clients;
    private final ProgressLog log;
    private final Poller poller;

    /** @param poller retries the reads of the deployed stacks while CloudFormation throttles them */
    ApprovalGate(StackClients clients, ProgressLog log, Poller poller) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.log = Objects.requireNonNull(log, "log");
        this.poller = Objects.requireNonNull(poller, "poller");
    }

    /**
     * Returns when {@code stacks} may deploy.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the stacks that need approval when there is
     *     no one to ask, or the first one a person declined
     */
    synchronized void check(List<ResolvedStack> stacks, RequireApproval mode, Approver approver) {
        if (mode == RequireApproval.NEVER) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        for (ResolvedStack stack : stacks) {
            CloudFormationClient cloudFormation;
            try {
                cloudFormation = clients.cloudFormation(stack, clients.credentials(stack));
            } catch (ToolkitException e) {
                if (e.code() == ErrorCode.CREDENTIALS || e.code() == ErrorCode.PLUGIN) {
                    continue; // it cannot deploy either: its deployment reports why, with the other stacks' results
                }
                throw e;
            }
            JsonNode deployed = DeployedTemplates.of(cloudFormation, stack.stackName(), stack.environment(), poller);
            JsonNode proposed = StackTemplate.read(stack.artifact().templateFile()).json();
            SecurityChanges changes = SecurityDiff.between(deployed, proposed);
            boolean needed = mode == RequireApproval.ANY_CHANGE ? !deployed.equals(proposed) : changes.broadening();
            if (needed) {
                pending.add(new Pending(stack, changes, deployed, proposed));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        for (Pending p : pending) {
            log.line("Stack " + p.stack().stackName() + " (" + p.stack().environment() + ")");
            String table = SecurityTable.render(p.changes(), p.deployed(), p.proposed());
            if (table.isEmpty()) {
                TemplateDiff.lines(p.deployed(), p.proposed()).forEach(log::line);
            } else {
                table.lines().forEach(log::line);
            }
        }
        String names = pending.stream().map(p -> p.stack().stackName()).collect(Collectors.joining(", "));
        String what = pending.stream().anyMatch(p -> !p.changes().isEmpty()) ? "security-sensitive updates" : "updates";
        if (!approver.interactive()) {
            throw new ToolkitException(ErrorCode.USAGE, "\"--require-approval\" is '" + mode.cliName() + "' and "
                    + names + (pending.size() == 1 ? " includes " : " include ") + what + ", but no terminal is"
                    + " attached to approve them, so nothing was deployed. Review them (the tables above, or"
                    + " 'cdkj diff'), then deploy with --require-approval never.");
        }
        for (Pending p : pending) {
            String question = "Stack " + p.stack().stackName() + " includes "
                    + (p.changes().isEmpty() ? "updates" : "security-sensitive updates") + " and \"--require-approval\""
                    + " is set to '" + mode.cliName() + "'.\nDo you wish to deploy these changes";
            if (!approver.approve(question)) {
                throw new ToolkitException(ErrorCode.USAGE, "Deployment cancelled: " + p.stack().stackName()
                        + " was not approved, so nothing was deployed.");
            }
        }
    }

    private record Pending(ResolvedStack stack, SecurityChanges changes, JsonNode deployed, JsonNode proposed) {
    }
}
