package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds third-party-style plugin jars at test time: compiles Java sources against the test class
 * path and packs them with a {@code META-INF/services} file, so the registry loads them from a jar
 * it has never seen, exactly as it would a real plugin.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** A plugin source whose {@code name()} returns {@code name} and which declines everything. */
    public static String decliningPluginSource(String packageName, String className, String nameExpression) {
        return """
                package %s;
                public final class %s implements io.cdkj.plugin.CredentialProviderSource {
                    public String name() { return %s; }
                    public boolean isAvailable() { return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        return io.cdkj.plugin.Decision.decline("%s declines");
                    }
                    public software.amazon.awssdk.identity.spi.IdentityProvider<
                            software.amazon.awssdk.identity.spi.AwsCredentialsIdentity> getProvider(
                            io.cdkj.plugin.CredentialRequest r) { throw new IllegalStateException(); }
                }
                """.formatted(packageName, className, nameExpression, className);
    }

    /**
     * Compiles {@code sources} (fully qualified class name → source) into {@code jar}, whose service
     * file lists {@code services} (which may name classes that do not exist).
     */
    public static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (!files.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
            args.addAll(files);
            StringWriter errors = new StringWriter();
            int result = compiler.run(null, null, null, args.toArray(String[]::new));
            if (result != 0) {
                throw new IllegalStateException("test plugin did not compile: " + errors);
            }
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("META-INF/services/" + CredentialProviderSource.class.getName()));
            jarOut.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
            }
        }
        return jar;
    }

    /** One declining plugin named {@code name} in class {@code fqcn}, in its own jar. */
    public static Path decliningPlugin(Path jar, String fqcn, String name) throws IOException {
        int dot = fqcn.lastIndexOf('.');
        return build(jar, Map.of(fqcn, decliningPluginSource(fqcn.substring(0, dot), fqcn.substring(dot + 1),
                "\"" + name + "\"")), List.of(fqcn));
    }
}
