package io.cdkj.maven;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.warm.JavaLaunch;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The CDK app of a Maven project as the warm app host runs it: Maven's JVM, the project's compiled
 * classes and runtime class path from Maven's model (no Maven subprocess), and the main class from the
 * plugin's {@code mainClass} or, failing that, the exec plugin's {@code mainClass} (what the CDK Java
 * template's {@code mvn exec:java} runs). Stateless.
 */
final class ProjectApp {

    static final String EXEC_PLUGIN = "org.codehaus.mojo:exec-maven-plugin";

    private ProjectApp() {
    }

    /**
     * @param classpath the project's runtime class path elements (its classes first), as Maven resolved them
     * @throws ToolkitException USAGE when no main class is configured
     */
    static JavaLaunch launch(MavenProject project, List<String> classpath, Optional<String> mainClass,
                             List<String> jvmArguments, List<String> arguments) {
        String main = mainClass.filter(m -> !m.isBlank()).or(() -> execMainClass(project))
                .orElseThrow(() -> new ToolkitException(ErrorCode.USAGE, "No main class for the CDK app of "
                        + project.getArtifactId() + ": set <mainClass> in the cdkj-maven-plugin's <configuration>"
                        + " (or -Dcdkj.mainClass=…), or the exec-maven-plugin's <mainClass>."));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new JavaLaunch(java, jvmArguments, String.join(File.pathSeparator, classpath), main, arguments);
    }

    /** The exec plugin's {@code <configuration><mainClass>} in the project's effective model, if any. */
    static Optional<String> execMainClass(MavenProject project) {
        Plugin exec = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(EXEC_PLUGIN);
        if (exec == null || !(exec.getConfiguration() instanceof Xpp3Dom configuration)) {
            return Optional.empty();
        }
        Xpp3Dom main = configuration.getChild("mainClass");
        return Optional.ofNullable(main).map(Xpp3Dom::getValue).map(String::trim)
                .filter(m -> !m.isEmpty() && !m.contains("${"));
    }
}
