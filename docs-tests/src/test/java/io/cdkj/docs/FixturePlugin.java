package io.cdkj.docs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A third-party plugin jar built at test time, for the troubleshooting scenarios of plugins that
 * misbehave: the plugin {@code fixture} whose {@code canProvideCredentials} and {@code getProvider} run
 * the given statements, and whose provider hands out the keys of the {@code FIXTURE_*} variables (or
 * fails once it has). Stateless.
 */
final class FixturePlugin {

    /** Environment variables the plugin's credentials come from. */
    static final String KEY_ID = "FIXTURE_PLUGIN_KEY_ID";
    static final String SECRET = "FIXTURE_PLUGIN_SECRET";
    static final String TOKEN = "FIXTURE_PLUGIN_TOKEN";

    private FixturePlugin() {
    }

    /**
     * @param canProvide   statements run first in {@code canProvideCredentials}
     * @param getProvider  statements run first in {@code getProvider}
     * @param onRefresh    statements run when its provider resolves a second time (e.g. a throw)
     */
    static Path jar(Path jar, String canProvide, String getProvider, String onRefresh) throws IOException {
        String source = """
                package com.example.fixture;
                import software.amazon.awssdk.identity.spi.*;
                public final class FixturePlugin implements io.cdkj.plugin.CredentialProviderSource {
                    public String name() { return "fixture"; }
                    public boolean isAvailable() { return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        if (r != null) { %s }
                        return io.cdkj.plugin.Decision.provide();
                    }
                    public IdentityProvider<AwsCredentialsIdentity> getProvider(io.cdkj.plugin.CredentialRequest r) {
                        if (r != null) { %s }
                        io.cdkj.plugin.Configuration c = r.configuration();
                        String secret = c.environmentVariable("%s").orElseThrow();
                        AwsCredentialsIdentity identity = AwsSessionCredentialsIdentity.create(
                                c.environmentVariable("%s").orElseThrow(), secret, c.environmentVariable("%s").orElseThrow());
                        java.util.concurrent.atomic.AtomicInteger resolutions = new java.util.concurrent.atomic.AtomicInteger();
                        return new IdentityProvider<AwsCredentialsIdentity>() {
                            public Class<AwsCredentialsIdentity> identityType() { return AwsCredentialsIdentity.class; }
                            public java.util.concurrent.CompletableFuture<AwsCredentialsIdentity> resolveIdentity(
                                    ResolveIdentityRequest request) {
                                if (resolutions.getAndIncrement() > 0) {
                                    %s
                                }
                                return java.util.concurrent.CompletableFuture.completedFuture(identity);
                            }
                        };
                    }
                }
                """.formatted(canProvide, getProvider, SECRET, KEY_ID, TOKEN, onRefresh);
        Path work = Files.createTempDirectory("fixture-plugin");
        Path file = Files.createDirectories(work.resolve("src/com/example/fixture")).resolve("FixturePlugin.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        int result = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17", "-proc:none", file.toString());
        if (result != 0) {
            throw new IllegalStateException("the fixture plugin did not compile");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("META-INF/services/io.cdkj.plugin.CredentialProviderSource"));
            jarOut.write("com.example.fixture.FixturePlugin\n".getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path each : walk.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(each));
                    jarOut.closeEntry();
                }
            }
        }
        return jar;
    }

    /** The statements of a plugin that behaves. */
    static final String NOTHING = "";
}
