package io.cdkj.toolkit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.config.JsonFiles;
import io.cdkj.toolkit.credentials.CallerIdentity;
import io.cdkj.toolkit.access.CredentialChoice;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.credentials.SourcedCredentials;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import io.cdkj.toolkit.access.CredentialTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-stack half of {@code cdkj credentials}: for each stack and mode, the host's explanation of
 * its target (WRITE with the deploy role on top, READ with the lookup role on top) — and, when the app
 * has {@code cdkj:credentials}, which entry decided the stack's profile and plugins. A stack whose
 * credentials cannot be found gets its reason as its own entry; the others are still explained. Never
 * holds or prints a secret.
 *
 * <p>Not thread-safe: built and printed by one command (the CLI's {@code credentials}, the Maven plugin's goal).
 */
public final class StackCredentialsReport {

    /** One explained (stack, mode). */
    private record Entry(String stack, Mode mode, Report details) {
    }

    private final SourcedCredentials credentials;
    private final CredentialOverrides overrides;
    private final boolean dryRun;
    private final Report header = new Report();
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private ErrorCode firstFailure;

    public StackCredentialsReport(SourcedCredentials credentials, CredentialOverrides overrides, boolean dryRun) {
        this.credentials = credentials;
        this.overrides = overrides;
        this.dryRun = dryRun;
    }

    /** Explains every stack in every mode, in order; failures are recorded, not thrown. */
    public StackCredentialsReport explain(List<StackArtifact> stacks, List<Mode> modes) {
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
            CredentialChoice choice = overrides.forStack(stack.names());
            if (!overrides.isEmpty()) {
                addChoice(details, choice);
            }
            CredentialTarget target = ResolvedStack.of(stack).withSource(choice.source()).target(mode);
            ExplanationRows.add(details, dryRun ? credentials.explainDryRun(target) : credentials.explain(target), true);
        } catch (ToolkitException e) {
            details.add("error", "Error", e.getMessage());
            failed.add(stack.displayName() + " (" + mode.cliName() + ")");
            if (firstFailure == null) {
                firstFailure = e.code();
            }
        }
        return details;
    }

    /** Which level of {@code cdkj:credentials} decided each setting, and what it set. */
    private static void addChoice(Report details, CredentialChoice choice) {
        details.add("profile", "Profile", choice.source().profile().orElse("(the toolkit's)") + " — from "
                        + choice.profileFrom())
                .add("pluginsSource", "Plugins", choice.source().plugins()
                        .map(names -> names.isEmpty() ? "none" : String.join(", ", names)).orElse("(the toolkit's)")
                        + " — from " + choice.pluginsFrom());
    }

    public void printTable(PrintWriter out) {
        header.printTable(out);
        for (Entry entry : entries) {
            out.println();
            out.println(entry.stack() + " (" + entry.mode().cliName() + ")");
            entry.details().printTable(out, "  ");
        }
    }

    public void printJson(PrintWriter out) {
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
    public void failIfAnyFailed() {
        if (!failed.isEmpty()) {
            throw new ToolkitException(firstFailure, "No usable credentials for " + String.join(", ", failed)
                    + " (" + failed.size() + " of " + entries.size() + "; each reason is in that stack's entry above)");
        }
    }
}
