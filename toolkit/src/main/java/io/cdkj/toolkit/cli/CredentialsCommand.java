package io.cdkj.toolkit.cli;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.CallerIdentity;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.credentials.SourcedCredentials;
import io.cdkj.toolkit.credentials.ProfileFiles;
import io.cdkj.toolkit.deploy.StackSelection;
import io.cdkj.toolkit.report.ExplanationRows;
import io.cdkj.toolkit.report.Report;
import io.cdkj.toolkit.report.StackCredentialsReport;
import io.cdkj.toolkit.synth.LookupsDisabledException;
import io.cdkj.toolkit.synth.SynthSettings;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj credentials}: explains how cdkj gets credentials — per stack of the app (both modes, or
 * {@code --mode}), or for one {@code --account} — as a table or JSON that never holds a secret; or, for
 * one account, prints them as AWS {@code credential_process} JSON so any AWS tool can use a cdkj plugin.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"Explain which credentials cdkj uses for each stack of the app and each mode (read for lookups,"
                + " write for deployments): the source (default identity or plugin, and why the other plugins"
                + " declined), the role ARN and session name, the manifest role assumed on top, and the resulting"
                + " account. Never prints a secret.",
            "With --account: the same for one account and mode; --format process then prints credential_process"
                + " JSON (the only output with secrets)."},
        footer = {"0 explained; 3 a stack (or --account) has no credentials (each stack's entry says why; the other"
                + " stacks are still explained); 4 a plugin gave wrong-account credentials; 5 the app failed; 7 the assembly is corrupt; 2 bad arguments."})
public final class CredentialsCommand extends ToolkitCommand {

    /** Output formats. */
    enum Format { table, json, process }

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to explain (display name, artifact id or stack name; * wildcards), as for deploy.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--all", description = "Explain every stack of the app.")
    private boolean all;

    /** {@code --app} (a command, or a cloud assembly directory such as cdk.out), {@code -o}, {@code --no-lookups}. */
    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--account", paramLabel = "ACCOUNT",
            description = "Explain one account (12 digits) instead of the app's stacks; needs --mode.")
    private String account;

    @Option(names = "--mode", paramLabel = "read|write",
            description = "read (lookups) or write (deployments); default both for stacks, required with --account.")
    private Mode mode;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|process",
            description = "table (default), json, or process (with --account only: credential_process Version 1 JSON, with secrets).")
    private Format format;

    @Option(names = "--force",
            description = "With --format process: print the credentials even when standard output is a terminal.")
    private boolean force;

    @Option(names = "--dry-run",
            description = "Make no AWS call (not even STS GetCallerIdentity): show what would be tried and which plugins would decline.")
    private boolean dryRun;

    @Override
    protected int run(Toolkit toolkit) {
        if (account == null) {
            return explainStacks(toolkit);
        }
        if (!stacks.isEmpty() || all || toolkit.options().app().isPresent() || toolkit.options().output().isPresent()) {
            throw new ToolkitException(ErrorCode.USAGE, "--account explains one account; drop it to explain stacks"
                    + " (STACKS, --all, --app, --output).");
        }
        if (mode == null) {
            throw new ToolkitException(ErrorCode.USAGE, "--account needs --mode read or --mode write.");
        }
        if (dryRun && format == Format.process) {
            throw new ToolkitException(ErrorCode.USAGE, "--dry-run cannot print credentials; use --format table or json.");
        }
        if (format == Format.process && toolkit.io().outIsTerminal() && !force) {
            // credential_process output is for a program; on a terminal it puts live keys on the screen.
            throw new ToolkitException(ErrorCode.USAGE, "Refusing to print credentials to a terminal: --format process"
                    + " is for credential_process, where another program reads the output. Pipe it to that program,"
                    + " or pass --force to print the secret keys here anyway.");
        }
        // the global --region (the default region) is the target region here
        ProfileFiles.RegionChoice regionChoice = toolkit.defaultRegion();
        CredentialTarget target = CredentialTarget.of(environment(regionChoice.region()), mode);
        SourcedCredentials credentials = toolkit.credentials();
        if (format == Format.process) {
            CredentialProcessOutput.print(credentials.forTarget(target), toolkit.io().out());
            return 0;
        }
        Report report = new Report()
                .add("environment", "Environment", target.environment().toString())
                .add("mode", "Mode", mode.cliName())
                .add("regionSource", "Region from", regionChoice.source())
                .add("defaultIdentitySource", "Default identity from", credentials.defaultIdentity().description());
        if (dryRun) {
            report.add("defaultIdentity", "Default identity", "not looked up (--dry-run makes no AWS call)");
            ExplanationRows.add(report, credentials.explainDryRun(target), false);
        } else {
            report.add("defaultIdentity", "Default identity", credentials.defaultIdentity().callerIdentity()
                    .map(CallerIdentity::arn).orElse("none configured"));
            ExplanationRows.add(report, credentials.explain(target), false);
        }
        if (format == Format.json) {
            report.printJson(toolkit.io().out());
        } else {
            report.printTable(toolkit.io().out());
        }
        return 0;
    }

    private int explainStacks(Toolkit toolkit) {
        if (format == Format.process) {
            throw new ToolkitException(ErrorCode.USAGE, "--format process prints the credentials of one account:"
                    + " add --account ACCOUNT --mode read|write (and --region REGION).");
        }
        SynthSettings settings = toolkit.synthSettings(synth.warm(), List.of(), true);
        if (settings.app().isEmpty() && toolkit.configuration().app().isEmpty()) {
            throw new ToolkitException(ErrorCode.USAGE, "Nothing to explain: pass --app (a command, or a cloud assembly"
                    + " directory such as cdk.out) or set \"app\" in cdk.json to explain the app's stacks, or pass"
                    + " --account ACCOUNT --mode read|write to explain one account.");
        }
        CloudAssembly assembly;
        try {
            // A dry run must not call AWS, so it cannot look up missing context for the app.
            assembly = toolkit.synth(dryRun ? settings.withoutLookups() : settings).assembly();
        } catch (LookupsDisabledException e) {
            if (!dryRun) {
                throw e;
            }
            throw new ToolkitException(ErrorCode.USAGE, "--dry-run makes no AWS call, but the app needs context"
                    + " lookups: run 'cdkj synth' first, then 'cdkj credentials --dry-run --app cdk.out'. ("
                    + e.getMessage() + ")");
        }
        List<StackArtifact> selected = StackSelection.selectArtifacts(assembly, stacks, all, StackSelection.Extend.NONE);
        List<Mode> modes = mode == null ? List.of(Mode.READ, Mode.WRITE) : List.of(mode);
        CredentialOverrides overrides = toolkit.credentialOverrides();
        overrides.requireValid(assembly.stacks().stream().map(StackArtifact::names).toList());
        StackCredentialsReport report = new StackCredentialsReport(toolkit.credentials(), overrides, dryRun)
                .explain(selected, modes);
        if (format == Format.json) {
            report.printJson(toolkit.io().out());
        } else {
            report.printTable(toolkit.io().out());
        }
        report.failIfAnyFailed();
        return 0;
    }

    private AwsEnvironment environment(String regionName) {
        try {
            return new AwsEnvironment(account, regionName);
        } catch (IllegalArgumentException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Invalid --account '" + account + "': a 12-digit AWS account id"
                    + " is expected.");
        }
    }
}
