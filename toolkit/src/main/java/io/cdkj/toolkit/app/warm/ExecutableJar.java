package io.cdkj.toolkit.app.warm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What {@code java -jar app.jar} takes from the jar's manifest, so the app host can launch the same
 * app with {@code -cp app.jar}: the {@code Main-Class}; {@code Add-Opens} and {@code Add-Exports}
 * (which only an executable jar's launch applies) become the equivalent {@code --add-opens} /
 * {@code --add-exports} options. {@code Class-Path} needs nothing: the class loader follows it for a
 * jar on the class path just as for an executable jar. A {@code Launcher-Agent-Class} or
 * {@code Enable-Native-Access} has no command-line equivalent the host could use, so such a jar runs
 * cold.
 *
 * <p>Stateless and thread-safe.
 */
final class ExecutableJar {

    private static final String ALL_UNNAMED = "=ALL-UNNAMED";

    private ExecutableJar() {
    }

    /**
     * The launch of {@code jar} (as written, relative to {@code workingDirectory}) with
     * {@code jvmOptions} and {@code args}, or why it must run cold.
     */
    static LaunchPlan launch(String java, List<String> jvmOptions, String jar, List<String> args,
                             Path workingDirectory) {
        Manifest manifest;
        try (JarFile file = new JarFile(workingDirectory.resolve(jar).toFile())) {
            manifest = file.getManifest();
        } catch (IOException | RuntimeException e) {
            return new LaunchPlan.Cold("cannot read the jar " + jar + " (" + e.getMessage() + ")");
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String mainClass = main.getValue(Attributes.Name.MAIN_CLASS);
        if (mainClass == null || mainClass.isBlank()) {
            return new LaunchPlan.Cold("the jar " + jar + " names no Main-Class in its manifest");
        }
        for (String attribute : List.of("Launcher-Agent-Class", "Enable-Native-Access")) {
            if (main.getValue(attribute) != null) {
                return new LaunchPlan.Cold("the jar " + jar + " has a " + attribute
                        + " manifest attribute, which only java -jar applies");
            }
        }
        List<String> options = new ArrayList<>(jvmOptions);
        addPackages(options, "--add-opens=", main.getValue("Add-Opens"));
        addPackages(options, "--add-exports=", main.getValue("Add-Exports"));
        return new LaunchPlan.Warm(new JavaLaunch(java, options, jar, mainClass.trim(), args));
    }

    /** {@code Add-Opens: java.base/java.lang java.base/java.util} → one option per module/package. */
    private static void addPackages(List<String> options, String option, String value) {
        if (value == null) {
            return;
        }
        for (String modulePackage : value.trim().split("\\s+")) {
            if (!modulePackage.isEmpty()) {
                options.add(option + modulePackage + ALL_UNNAMED);
            }
        }
    }
}
