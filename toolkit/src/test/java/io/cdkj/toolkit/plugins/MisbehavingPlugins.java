package io.cdkj.toolkit.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plugin jars that misbehave on purpose, compiled at test time ({@link PluginJars}) like a third party's:
 * one plugin that does something bad in one method, and one whose provider switches account. Their
 * credentials come from the request's configuration ({@code --context}-free: the invocation's
 * environment), so tests hand them moto sessions.
 */
public final class MisbehavingPlugins {

    /** Environment variables the plugins read their (first) credentials from. */
    public static final String KEY_ID = "MISBEHAVING_KEY_ID";
    public static final String SECRET = "MISBEHAVING_SECRET";
    public static final String TOKEN = "MISBEHAVING_TOKEN";
    /** The switching plugin's credentials after its first resolution. */
    public static final String SECOND_KEY_ID = "MISBEHAVING_SECOND_KEY_ID";
    public static final String SECOND_SECRET = "MISBEHAVING_SECOND_SECRET";
    public static final String SECOND_TOKEN = "MISBEHAVING_SECOND_TOKEN";

    /** What a misbehaving plugin does in its chosen method. */
    public enum Action {
        /** {@code throw new AssertionError(...)} */
        ASSERTION("throw new AssertionError(\"misbehaving in \" + method);"),
        /** a runaway recursion: {@code StackOverflowError} */
        STACK_OVERFLOW("recurse(0);"),
        /** blocks forever, ignoring interrupts */
        BLOCK("while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }"),
        /** {@code System.exit(0)} */
        EXIT("System.exit(0);"),
        /** prints to standard output */
        PRINT("System.out.println(\"misbehaving plugin prints to stdout in \" + method);");

        private final String code;

        Action(String code) {
            this.code = code;
        }
    }

    private MisbehavingPlugins() {
    }

    /**
     * A plugin named {@code name} that does {@code action} in {@code method} ({@code constructor},
     * {@code name}, {@code isAvailable}, {@code canProvideCredentials}, {@code getProvider},
     * {@code resolveIdentity} or {@code close}) and otherwise provides the credentials of
     * {@value #KEY_ID} / {@value #SECRET} / {@value #TOKEN}.
     */
    public static Path misbehaving(Path jar, String name, String method, Action action) throws IOException {
        String className = "com.example.misbehaving." + camel(name);
        return PluginJars.build(jar, Map.of(className, """
                package com.example.misbehaving;
                import software.amazon.awssdk.identity.spi.*;
                public final class %s implements io.cdkj.plugin.CredentialProviderSource {
                    public %s() { behave("constructor"); }
                    static void behave(String method) {
                        if (method.equals("%s")) { %s }
                    }
                    static int recurse(int depth) { return recurse(depth + 1) + 1; }
                    public String name() { behave("name"); return "%s"; }
                    public boolean isAvailable() { behave("isAvailable"); return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        behave("canProvideCredentials");
                        return io.cdkj.plugin.Decision.provide();
                    }
                    public IdentityProvider<AwsCredentialsIdentity> getProvider(io.cdkj.plugin.CredentialRequest r) {
                        behave("getProvider");
                        io.cdkj.plugin.Configuration c = r.configuration();
                        AwsCredentialsIdentity identity = AwsSessionCredentialsIdentity.create(
                                c.environmentVariable("%s").orElseThrow(), c.environmentVariable("%s").orElseThrow(),
                                c.environmentVariable("%s").orElseThrow());
                        return new IdentityProvider<AwsCredentialsIdentity>() {
                            public Class<AwsCredentialsIdentity> identityType() { return AwsCredentialsIdentity.class; }
                            public java.util.concurrent.CompletableFuture<AwsCredentialsIdentity> resolveIdentity(
                                    ResolveIdentityRequest request) {
                                behave("resolveIdentity");
                                return java.util.concurrent.CompletableFuture.completedFuture(identity);
                            }
                        };
                    }
                    public void close() { behave("close"); }
                }
                """.formatted(camel(name), camel(name), method, action.code, name, KEY_ID, SECRET, TOKEN)),
                List.of(className));
    }

    /**
     * The plugin {@code switching-account}: its provider returns the credentials of {@value #KEY_ID} …
     * on its first resolution, and those of {@value #SECOND_KEY_ID} … on every later one — a plugin whose
     * credentials act in another account after a refresh.
     */
    public static Path switchingAccount(Path jar) throws IOException {
        String className = "com.example.misbehaving.SwitchingAccount";
        return PluginJars.build(jar, Map.of(className, """
                package com.example.misbehaving;
                import software.amazon.awssdk.identity.spi.*;
                public final class SwitchingAccount implements io.cdkj.plugin.CredentialProviderSource {
                    public String name() { return "switching-account"; }
                    public boolean isAvailable() { return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        return io.cdkj.plugin.Decision.provide();
                    }
                    public IdentityProvider<AwsCredentialsIdentity> getProvider(io.cdkj.plugin.CredentialRequest r) {
                        io.cdkj.plugin.Configuration c = r.configuration();
                        AwsCredentialsIdentity first = AwsSessionCredentialsIdentity.create(
                                c.environmentVariable("%s").orElseThrow(), c.environmentVariable("%s").orElseThrow(),
                                c.environmentVariable("%s").orElseThrow());
                        AwsCredentialsIdentity second = AwsSessionCredentialsIdentity.create(
                                c.environmentVariable("%s").orElseThrow(), c.environmentVariable("%s").orElseThrow(),
                                c.environmentVariable("%s").orElseThrow());
                        java.util.concurrent.atomic.AtomicInteger resolutions = new java.util.concurrent.atomic.AtomicInteger();
                        return new IdentityProvider<AwsCredentialsIdentity>() {
                            public Class<AwsCredentialsIdentity> identityType() { return AwsCredentialsIdentity.class; }
                            public java.util.concurrent.CompletableFuture<AwsCredentialsIdentity> resolveIdentity(
                                    ResolveIdentityRequest request) {
                                return java.util.concurrent.CompletableFuture.completedFuture(
                                        resolutions.getAndIncrement() == 0 ? first : second);
                            }
                        };
                    }
                }
                """.formatted(KEY_ID, SECRET, TOKEN, SECOND_KEY_ID, SECOND_SECRET, SECOND_TOKEN)), List.of(className));
    }

    /**
     * The plugin {@code leaking}: its provider gives the credentials of {@value #KEY_ID} … once, and then
     * fails with a message that quotes their secret access key — as a careless plugin's refresh error might.
     */
    public static Path leakingOnRefresh(Path jar) throws IOException {
        String className = "com.example.misbehaving.Leaking";
        return PluginJars.build(jar, Map.of(className, """
                package com.example.misbehaving;
                import software.amazon.awssdk.identity.spi.*;
                public final class Leaking implements io.cdkj.plugin.CredentialProviderSource {
                    public String name() { return "leaking"; }
                    public boolean isAvailable() { return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        return io.cdkj.plugin.Decision.provide();
                    }
                    public IdentityProvider<AwsCredentialsIdentity> getProvider(io.cdkj.plugin.CredentialRequest r) {
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
                                    throw new IllegalStateException("refresh failed for the key with secret " + secret
                                            + "\\nsee the plugin's log");
                                }
                                return java.util.concurrent.CompletableFuture.completedFuture(identity);
                            }
                        };
                    }
                }
                """.formatted(SECRET, KEY_ID, TOKEN)), List.of(className));
    }

    private static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("-")) {
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return camel.toString();
    }
}
