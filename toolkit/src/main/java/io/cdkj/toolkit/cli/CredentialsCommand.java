package io.cdkj.toolkit.cli;

import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.CallerIdentity;
import io.cdkj.toolkit.credentials.HostCredentials;
import io.cdkj.toolkit.credentials.ProfileFiles;
import io.cdkj.toolkit.credentials.Resolution;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cdkj credentials}: explains how cdkj gets credentials for an account (table or JSON, never a
 * secret), or prints them as AWS {@code credential_process} JSON so any AWS tool can use a cdkj plugin.
 */
@Command(name = "credentials",
        description = {"Explain which credentials cdkj uses for an account and mode, or print them for credential_process.",
            "Only --format process prints secrets."})
public final class CredentialsCommand extends SessionCommand {

    /** Output formats. */
    enum Format { table, json, process }

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Target account id (12 digits).")
    private String account;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Target region (default: AWS_REGION, else the profile's region, else us-east-1).")
    private String region;

    @Option(names = "--mode", required = true, paramLabel = "read|write",
            description = "read (lookups) or write (deployments).")
    private Mode mode;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|process",
            description = "table (default), json, or process (credential_process Version 1 JSON, with secrets).")
    private Format format;

    @Option(names = "--dry-run", description = "Make no AWS call: show which plugins would be asked and which would decline.")
    private boolean dryRun;

    @Override
    protected int run(ToolkitSession session) {
        if (dryRun && format == Format.process) {
            throw new ToolkitException(ErrorCode.USAGE, "--dry-run cannot print credentials; use --format table or json.");
        }
        ProfileFiles.RegionChoice regionChoice = region != null
                ? new ProfileFiles.RegionChoice(region, "--region") : session.defaultRegionChoice();
        AwsEnvironment environment = environment(regionChoice.region());
        HostCredentials credentials = session.hostCredentials();
        if (format == Format.process) {
            CredentialProcessOutput.print(credentials.forEnvironment(environment, mode), session.io().out());
            return 0;
        }
        Report report = new Report()
                .add("environment", "Environment", environment.toString())
                .add("mode", "Mode", mode.cliName())
                .add("regionSource", "Region from", regionChoice.source())
                .add("defaultIdentitySource", "Default identity from", credentials.defaultIdentity().description());
        if (dryRun) {
            explainDryRun(report, credentials, environment);
        } else {
            explain(report, credentials, environment);
        }
        if (format == Format.json) {
            report.printJson(session.io().out());
        } else {
            report.printTable(session.io().out());
        }
        return 0;
    }

    private void explain(Report report, HostCredentials credentials, AwsEnvironment environment) {
        Resolution resolution = credentials.resolve(environment, mode);
        Optional<CallerIdentity> caller = credentials.defaultIdentity().callerIdentity();
        report.add("defaultIdentity", "Default identity", caller.map(CallerIdentity::arn).orElse("none configured"));
        if (resolution instanceof Resolution.None none) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, none.message());
        }
        CallerIdentity result;
        if (resolution instanceof Resolution.FromPlugin plugin) {
            report.add("source", "Source", "plugin " + plugin.plugin())
                    .addList("declined", "Declined", plugin.declined());
            result = plugin.verified();
        } else {
            Resolution.FromDefault fromDefault = (Resolution.FromDefault) resolution;
            report.add("source", "Source", "default identity (it acts in account " + environment.account() + ")");
            result = fromDefault.identity();
        }
        report.add("roleArn", "Role", result.roleArn().orElse(null))
                .add("sessionName", "Session name", result.sessionName().orElse(null))
                .add("resultArn", "Acting as", result.arn())
                .add("account", "Resulting account", result.account());
    }

    private void explainDryRun(Report report, HostCredentials credentials, AwsEnvironment environment) {
        report.add("defaultIdentity", "Default identity", "not looked up (--dry-run makes no AWS call)")
                .add("sameAccount", "If it acts in " + environment.account(),
                        "it is used as it is; otherwise the plugins below are asked in order");
        List<LoadedPlugin> selected = credentials.selectedPlugins();
        CredentialRequest request = credentials.requestFor(environment, mode, Optional.empty());
        List<String> lines = new ArrayList<>();
        for (LoadedPlugin plugin : selected) {
            lines.add(plugin.name() + ": " + dryRunDecision(plugin, request));
        }
        report.addList("plugins", "Plugins", lines);
        if (selected.isEmpty()) {
            report.add("note", "Note", "no plugin selected: only credentials for account " + environment.account()
                    + " would work (select one with --plugin NAME)");
        }
    }

    private static String dryRunDecision(LoadedPlugin plugin, CredentialRequest request) {
        if (!plugin.available()) {
            return "unavailable (" + plugin.unavailableReason().orElseThrow() + ")";
        }
        try {
            Decision decision = plugin.source().canProvideCredentials(request);
            return decision.canProvide() ? "would be asked for credentials" : "would decline (" + decision.reason() + ")";
        } catch (RuntimeException e) {
            return "would fail (" + e.getMessage() + ")";
        }
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
