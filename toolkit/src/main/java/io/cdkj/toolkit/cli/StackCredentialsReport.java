package io.cdkj.toolkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.config.JsonFiles;
import io.cdkj.toolkit.credentials.CallerIdentity;
import io.cdkj.toolkit.credentials.HostCredentials;
import io.cdkj.toolkit.credentials.Resolution;
import io.cdkj.toolkit.credentials.RoleToAssume;
import io.cdkj.toolkit.deploy.StackSelection;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-stack half of {@code cdkj credentials}: for each stack and mode, where the credentials come
 * from (the default identity or a plugin, and why the plugins before it declined), the role and session
 * behind them, the role the manifest asks to assume on top ({@code assumeRoleArn} for write, the lookup
 * role for read) and the account the result acts in. A stack whose credentials cannot be found gets its
 * reason as its own entry; the others are still explained. Never holds or prints a secret.
 *
 * <p>Not thread-safe: built and printed by one command.
 */
final class StackCredentialsReport {

    /** One explained (stack, mode). */
    private record Entry(String stack, Mode mode, Report details) {
    }

    private final HostCredentials credentials;
    private final boolean dryRun;
    private final Report header = new Report();
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private ErrorCode firstFailure;

    StackCredentialsReport(HostCredentials credentials, boolean dryRun) {
        this.credentials = credentials;
        this.dryRun = dryRun;
    }

    /** Explains every stack in every mode, in order; failures are recorded, not thrown. */
    StackCredentialsReport explain(List<StackArtifact> stacks, List<Mode> modes) {
        header.add("defaultIdentitySource", "Default identity from", credentials.defaultIdentity().description())
                .add("defaultIdentity", "Default identity", defaultIdentity())
                .addList("plugins", "Plugins (in order)",
                        credentials.selectedPlugins().stream().map(LoadedPlugin::name).toList());
        for (StackArtifact stack : stacks) {
            for (Mode mode : modes) {
                entries.add(new Entry(stack.displayName(), mode, explain(stack, mode)));
            }
        }
        return this;
    }

    private String defaultIdentity() {
        if (dryRun) {
            return "not looked up (--dry-run makes no AWS call)";
        }
        try {
            return credentials.defaultIdentity().callerIdentity().map(CallerIdentity::arn).orElse("none configured");
        } catch (ToolkitException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private Report explain(StackArtifact stack, Mode mode) {
        Report details = new Report().add("environment", "Environment", stack.environment().toString());
        try {
            AwsEnvironment environment = StackSelection.environmentOf(stack);
            Optional<RoleToAssume> role = manifestRole(stack, mode);
            if (dryRun) {
                explainDryRun(details, environment, mode, role);
            } else {
                explainResolved(details, environment, mode, role);
            }
        } catch (ToolkitException e) {
            details.add("error", "Error", e.getMessage());
            failed.add(stack.displayName() + " (" + mode.cliName() + ")");
            if (firstFailure == null) {
                firstFailure = e.code();
            }
        }
        return details;
    }

    /** The role the manifest asks the toolkit to assume on top for {@code mode}, as written (unsubstituted). */
    static Optional<RoleToAssume> manifestRole(StackArtifact stack, Mode mode) {
        if (mode == Mode.WRITE) {
            return stack.assumeRoleArn().map(arn -> new RoleToAssume(arn, stack.assumeRoleExternalId()));
        }
        return stack.lookupRole().map(role -> new RoleToAssume(role.arn(), role.externalId()));
    }

    private void explainResolved(Report details, AwsEnvironment environment, Mode mode, Optional<RoleToAssume> role) {
        Resolution resolution = credentials.resolve(environment, mode);
        if (resolution instanceof Resolution.None none) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, none.message());
        }
        CallerIdentity base;
        if (resolution instanceof Resolution.FromPlugin plugin) {
            details.add("source", "Source", "plugin " + plugin.plugin()).addList("declined", "Declined", plugin.declined());
            base = plugin.verified();
        } else {
            base = ((Resolution.FromDefault) resolution).identity();
            details.add("source", "Source", "default identity " + base.arn());
        }
        details.add("roleArn", "Role", base.roleArn().orElse(null))
                .add("sessionName", "Session name", base.sessionName().orElse(null))
                .add("actingAs", "Acting as", base.arn());
        String account = base.account();
        if (role.isPresent()) {
            String arn = role.get().arnIn(environment.region());
            details.add("manifestRole", "Manifest role (on top)", arn)
                    .add("manifestRoleSessionName", "Its session name", credentials.roleSessionName());
            credentials.assumeOnTop(environment, mode, role.get());
            account = accountOf(arn).orElse(account);
        } else {
            details.addAbsent("manifestRole", "Manifest role (on top)", noManifestRole(mode));
        }
        details.add("account", "Resulting account", account);
    }

    private void explainDryRun(Report details, AwsEnvironment environment, Mode mode, Optional<RoleToAssume> role) {
        details.add("source", "Source", "the default identity if it acts in " + environment.account()
                + "; otherwise the plugins below, in order");
        List<LoadedPlugin> selected = credentials.selectedPlugins();
        CredentialRequest request = credentials.requestFor(environment, mode, Optional.empty());
        List<String> lines = new ArrayList<>();
        for (LoadedPlugin plugin : selected) {
            lines.add(plugin.name() + ": " + dryRunDecision(plugin, request));
        }
        if (selected.isEmpty()) {
            lines.add("none selected: only credentials for account " + environment.account()
                    + " would work (select one with --plugin NAME)");
        }
        details.addList("plugins", "Plugins", lines);
        String account = environment.account();
        if (role.isPresent()) {
            String arn = role.get().arnIn(environment.region());
            details.add("manifestRole", "Manifest role (on top)", arn + " (would be assumed)")
                    .add("manifestRoleSessionName", "Its session name", credentials.roleSessionName());
            account = accountOf(arn).orElse(account);
        } else {
            details.addAbsent("manifestRole", "Manifest role (on top)", noManifestRole(mode));
        }
        details.add("account", "Resulting account", account + " (expected; --dry-run verifies nothing)");
    }

    /** What the dry run says a plugin would do; {@code canProvideCredentials} is side-effect free by contract. */
    static String dryRunDecision(LoadedPlugin plugin, CredentialRequest request) {
        if (!plugin.available()) {
            return "unavailable (" + plugin.unavailableReason().orElseThrow() + ")";
        }
        try {
            Decision decision = plugin.source().canProvideCredentials(request);
            if (decision == null) {
                return "broke its contract (canProvideCredentials returned null)";
            }
            return decision.canProvide() ? "would be asked for credentials" : "would decline (" + decision.reason() + ")";
        } catch (RuntimeException e) {
            return "would fail (" + e.getMessage() + ")";
        }
    }

    private static String noManifestRole(Mode mode) {
        return "none (the stack names no " + (mode == Mode.WRITE ? "assumeRoleArn" : "lookupRole")
                + "; the credentials above are used as they are)";
    }

    /** The account field of an IAM role ARN ({@code arn:P:iam::ACCOUNT:role/NAME}). */
    private static Optional<String> accountOf(String roleArn) {
        String[] fields = roleArn.split(":", 6);
        return fields.length == 6 && fields[4].matches("\\d{12}") ? Optional.of(fields[4]) : Optional.empty();
    }

    void printTable(PrintWriter out) {
        header.printTable(out);
        for (Entry entry : entries) {
            out.println();
            out.println(entry.stack() + " (" + entry.mode().cliName() + ")");
            entry.details().printTable(out, "  ");
        }
    }

    void printJson(PrintWriter out) {
        ObjectNode root = header.toJson();
        root.put("dryRun", dryRun);
        ArrayNode stacks = root.putArray("stacks");
        for (Entry entry : entries) {
            ObjectNode node = JsonFiles.MAPPER.createObjectNode();
            node.put("stack", entry.stack());
            node.put("mode", entry.mode().cliName());
            node.setAll(entry.details().toJson());
            stacks.add(node);
        }
        Report.print(root, out);
    }

    /**
     * @throws ToolkitException with the first failure's code, naming every (stack, mode) that failed, when
     *     any did (their reasons are in the printed report)
     */
    void failIfAnyFailed() {
        if (!failed.isEmpty()) {
            throw new ToolkitException(firstFailure, "No usable credentials for " + String.join(", ", failed)
                    + " (" + failed.size() + " of " + entries.size() + "; each reason is in that stack's entry above)");
        }
    }
}
