package io.cdkj.maven;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.deploy.StackSelection;
import io.cdkj.toolkit.report.StackCredentialsReport;
import io.cdkj.toolkit.synth.LookupsDisabledException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn cdkj:credentials}: per stack and mode, where its credentials come from (default identity or
 * plugin, and why the others declined), the role on top and the resulting account — the table (or JSON)
 * of {@code cdkj credentials}. Never logs a secret; the CLI's {@code --format process} has no goal.
 */
@Mojo(name = "credentials", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class CredentialsMojo extends AbstractCdkjMojo {

    /** Stacks to explain (display name, artifact id or stack name; * wildcards). */
    @Parameter(property = "cdkj.stacks")
    private List<String> stacks = new ArrayList<>();

    /** Explain every stack of the app (CLI: --all). */
    @Parameter(property = "cdkj.all", defaultValue = "false")
    private boolean all;

    /** read (lookups) or write (deployments); default: both (CLI: --mode). */
    @Parameter(property = "cdkj.mode")
    private String mode;

    /** table or json (CLI: --format). */
    @Parameter(property = "cdkj.format", defaultValue = "table")
    private String format = "table";

    /** Make no AWS call: show what would be tried (CLI: --dry-run). */
    @Parameter(property = "cdkj.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> false;
            case "json" -> true;
            default -> throw usage("cdkj.format '" + format + "' is not table or json (credential_process output has"
                    + " no goal: its secrets would land in the build log; use the cdkj CLI).");
        };
        List<Mode> modes = modes();
        CloudAssembly assembly;
        try {
            assembly = dryRun ? toolkit.synth(synthSettings().withoutLookups(), launch()).assembly()
                    : synth(toolkit).assembly();
        } catch (LookupsDisabledException e) {
            throw usage("cdkj.dryRun makes no AWS call, but the app needs context lookups: run cdkj:synth first. ("
                    + e.getMessage() + ")");
        }
        var selected = StackSelection.selectArtifacts(assembly, stacks, all, StackSelection.Extend.NONE);
        CredentialOverrides overrides = toolkit.credentialOverrides();
        overrides.requireValid(assembly.stacks().stream().map(StackArtifact::names).toList());
        StackCredentialsReport report = new StackCredentialsReport(toolkit.credentials(), overrides, dryRun)
                .explain(selected, modes);
        PrintWriter out = toolkit.io().out();
        if (json) {
            report.printJson(out);
        } else {
            report.printTable(out);
        }
        out.flush();
        report.failIfAnyFailed();
    }

    private List<Mode> modes() {
        if (mode == null || mode.isBlank()) {
            return List.of(Mode.READ, Mode.WRITE);
        }
        for (Mode m : Mode.values()) {
            if (m.cliName().equalsIgnoreCase(mode.trim())) {
                return List.of(m);
            }
        }
        throw usage("cdkj.mode '" + mode + "' is not read or write.");
    }
}
