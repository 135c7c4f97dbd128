package io.cdkj.maven;

import io.cdkj.toolkit.BuildInfo;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.app.warm.JavaLaunch;
import io.cdkj.toolkit.synth.SynthResult;
import io.cdkj.toolkit.synth.SynthSettings;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every cdkj goal shares: the parameters of the CLI's global and synth options, the toolkit built
 * for the project's directory (so {@code cdk.json} is still read; the pom's values win), the app run
 * from the project's classes in the warm app host, the toolkit's output on Maven's log, and failures
 * as {@link MojoFailureException}s with the CLI's one-line messages. A goal implements {@link #run}.
 *
 * <p>Not thread-safe; Maven runs one goal execution at a time per instance.
 */
public abstract class AbstractCdkjMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Credential plugins, tried in order; replaces cdk.json's "plugin" array (CLI: --plugin). */
    @Parameter(property = "cdkj.plugin")
    protected List<String> plugins = new ArrayList<>();

    /** Context values KEY=VALUE, winning over cdk.json (CLI: --context). */
    @Parameter(property = "cdkj.context")
    protected List<String> context = new ArrayList<>();

    /** AWS profile of the default identity (CLI: --profile). */
    @Parameter(property = "cdkj.profile")
    protected String profile;

    /** The CDK app's main class; default: the exec-maven-plugin's mainClass. */
    @Parameter(property = "cdkj.mainClass")
    protected String mainClass;

    /** Arguments to the app's main. */
    @Parameter(property = "cdkj.arguments")
    protected List<String> arguments = new ArrayList<>();

    /** JVM options for the app's JVM (e.g. -Xmx1g). */
    @Parameter(property = "cdkj.jvmArguments")
    protected List<String> jvmArguments = new ArrayList<>();

    /** Where the cloud assembly is written; default: "output" of cdk.json, else cdk.out (CLI: --output). */
    @Parameter(property = "cdkj.output")
    protected File output;

    /** Look up missing context in AWS; false fails listing the missing keys (CLI: --[no-]lookups). */
    @Parameter(property = "cdkj.lookups", defaultValue = "true")
    protected boolean lookups = true;

    /** Run the app in one warm JVM across lookup rounds; false: a fresh JVM per run (CLI: --[no-]warm). */
    @Parameter(property = "cdkj.warm", defaultValue = "true")
    protected boolean warm = true;

    /** Log what the toolkit does (CLI: --verbose; also on with mvn -X). */
    @Parameter(property = "cdkj.verbose", defaultValue = "false")
    protected boolean verbose;

    /** Skip this goal. */
    @Parameter(property = "cdkj.skip", defaultValue = "false")
    protected boolean skip;

    /** Runs the goal with the toolkit; throw {@link ToolkitException} for what the user can fix. */
    protected abstract void run(Toolkit toolkit) throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cdkj: skipped (cdkj.skip)");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("cdkj: skipped for " + project.getArtifactId() + " (packaging pom: no CDK app here)");
            return;
        }
        BuildInfo build = BuildInfo.current();
        getLog().debug("cdkj " + build.version() + " (" + build.describeCommit() + ")");
        PrintWriter out = new PrintWriter(new MavenLogWriter(getLog()::info), true);
        PrintWriter err = new PrintWriter(new MavenLogWriter(this::logProgress), true);
        Io io = new Io(out, err, new ByteArrayInputStream(new byte[0]), System.getenv(),
                project.getBasedir().toPath().toAbsolutePath(), Path.of(System.getProperty("user.home")), List.of());
        boolean debug = getLog().isDebugEnabled();
        ToolkitOptions options = new ToolkitOptions(Optional.ofNullable(profile).filter(p -> !p.isBlank()),
                nonBlank(plugins), nonBlank(context), verbose || debug, debug);
        try (Toolkit toolkit = new Toolkit(io, options)) {
            run(toolkit);
        } catch (ToolkitException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new MojoExecutionException("cdkj failed unexpectedly: " + e.getMessage(), e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Synthesizes the project's app (compiled classes and runtime class path) with the goal's settings. */
    protected final SynthResult synth(Toolkit toolkit) throws MojoExecutionException {
        return toolkit.synth(synthSettings(), launch());
    }

    protected final SynthSettings synthSettings() {
        return new SynthSettings(Optional.empty(), Optional.ofNullable(output).map(File::toPath), lookups, warm);
    }

    protected final JavaLaunch launch() throws MojoExecutionException {
        try {
            return ProjectApp.launch(project, project.getRuntimeClasspathElements(), Optional.ofNullable(mainClass),
                    jvmArguments, arguments);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }

    /** Throws the CLI's usage error for a bad parameter value. */
    protected static ToolkitException usage(String message) {
        return new ToolkitException(ErrorCode.USAGE, message);
    }

    private void logProgress(String line) {
        if (line.startsWith("[Error") || line.startsWith("Error:")) {
            getLog().error(line);
        } else if (line.startsWith("[Warning")) {
            getLog().warn(line);
        } else {
            getLog().info(line);
        }
    }

    protected static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** {@code KEY=VALUE} values of {@code parameter} as a map, in order; a usage error for any other shape. */
    protected static Map<String, String> keyValues(String parameter, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : nonBlank(values)) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw usage(parameter + " '" + value + "' is not KEY=VALUE (e.g. <tag>team=platform</tag>)");
            }
            map.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return map;
    }
}
