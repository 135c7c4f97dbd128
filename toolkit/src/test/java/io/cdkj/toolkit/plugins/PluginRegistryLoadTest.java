package io.cdkj.toolkit.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PluginRegistry#load}: plugins found with a real {@code ServiceLoader} on the class path and
 * in jars built at test time, each failure contained and reported with its jar and cause.
 */
class PluginRegistryLoadTest {

    @TempDir
    Path dir;

    private PluginRegistry load(Path... entries) {
        return PluginRegistry.load(List.of(entries), PluginRegistryLoadTest.class.getClassLoader());
    }

    @Test
    void load_findsPluginsRegisteredOnTheClassPathWithServiceLoader() {
        try (PluginRegistry registry = load()) {
            assertThat(registry.plugins()).extracting(LoadedPlugin::name)
                    .contains("fake-declining", "fake-throwing", "fake-unavailable");
            assertThat(registry.find("fake-unavailable").orElseThrow().unavailableReason())
                    .contains("fake-unavailable needs FAKE_TOOL on the PATH");
            assertThat(registry.find("fake-declining").orElseThrow().available()).isTrue();
        }
    }

    @Test
    void load_fromAClassLoader_findsWhatItsServiceFilesDeclare() {
        try (PluginRegistry registry = PluginRegistry.load(PluginRegistryLoadTest.class.getClassLoader())) {
            assertThat(registry.find("fake-declining").orElseThrow().location()).endsWith("test-classes");
            assertThat(registry.failures()).isEmpty();
        }
    }

    @Test
    void load_pluginJarOnThePath_isFoundWithItsLocation() throws Exception {
        Path jar = PluginJars.decliningPlugin(dir.resolve("third-party.jar"), "com.example.ThirdParty", "third-party");

        try (PluginRegistry registry = load(jar)) {
            LoadedPlugin plugin = registry.find("third-party").orElseThrow();
            assertThat(plugin.location()).isEqualTo(jar.toString());
            assertThat(plugin.className()).isEqualTo("com.example.ThirdParty");
        }
    }

    @Test
    void load_directoryEntry_loadsTheJarsInIt() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.decliningPlugin(plugins.resolve("a.jar"), "com.example.A", "plugin-a");

        try (PluginRegistry registry = load(plugins, dir.resolve("does-not-exist"))) {
            assertThat(registry.find("plugin-a")).isPresent();
            assertThat(registry.failures()).isEmpty();
        }
    }

    @Test
    void load_explodedPluginDirectory_isUsedAsAClassDirectory() throws Exception {
        Path jar = PluginJars.decliningPlugin(dir.resolve("x.jar"), "com.example.Exploded", "exploded");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            for (String entry : List.of("META-INF/services/io.cdkj.plugin.CredentialProviderSource",
                    "com/example/Exploded.class")) {
                Files.createDirectories(classes.resolve(entry).getParent());
                Files.copy(zip.getPath(entry), classes.resolve(entry));
            }
        }

        try (PluginRegistry registry = load(classes)) {
            assertThat(registry.find("exploded").orElseThrow().location()).isEqualTo(classes.toString());
        }
    }

    @Test
    void load_corruptJar_isReportedWithItsCause_andOtherJarsStillLoad() throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        Path good = PluginJars.decliningPlugin(dir.resolve("good.jar"), "com.example.Good", "good");

        try (PluginRegistry registry = load(corrupt, good)) {
            assertThat(registry.find("good")).isPresent();
            assertThat(registry.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.location()).isEqualTo(corrupt.toString());
                assertThat(failure.message()).contains("cannot open plugin jar").contains("ZipException");
            });
        }
    }

    @Test
    void load_providerClassMissing_isReportedNamingJarAndClass_andOthersLoad() throws Exception {
        Path broken = PluginJars.build(dir.resolve("broken.jar"), Map.of(), List.of("com.example.Missing"));

        try (PluginRegistry registry = load(broken)) {
            assertThat(registry.find("fake-declining")).isPresent();
            assertThat(registry.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.location()).isEqualTo(broken.toString());
                assertThat(failure.message()).contains("com.example.Missing");
            });
        }
    }

    @Test
    void load_constructorThrows_isRecordedWithCause() throws Exception {
        Path jar = PluginJars.build(dir.resolve("ctor.jar"), Map.of("com.example.Boom", """
                package com.example;
                public final class Boom extends io.cdkj.toolkit.plugins.fakes.DelegatingPlugin {
                    public Boom() { super(); throw new IllegalStateException("no config file found"); }
                }
                """), List.of("com.example.Boom"));

        try (PluginRegistry registry = load(jar)) {
            assertThat(registry.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.location()).isEqualTo(jar.toString());
                assertThat(failure.message()).contains("com.example.Boom").contains("no config file found");
            });
        }
    }

    @Test
    void load_blankName_isRejectedNamingTheClass() throws Exception {
        Path jar = PluginJars.build(dir.resolve("blank.jar"), Map.of("com.example.Blank",
                PluginJars.decliningPluginSource("com.example", "Blank", "\"  \"")), List.of("com.example.Blank"));

        try (PluginRegistry registry = load(jar)) {
            assertThat(registry.failures()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("com.example.Blank").contains("invalid name '  '"));
        }
    }

    @Test
    void load_duplicateNames_rejectsBothNamingBothClasses() throws Exception {
        Path first = PluginJars.decliningPlugin(dir.resolve("one.jar"), "com.example.One", "twin");
        Path second = PluginJars.decliningPlugin(dir.resolve("two.jar"), "com.example.Two", "twin");

        try (PluginRegistry registry = load(first, second)) {
            assertThat(registry.find("twin")).isEmpty();
            assertThat(registry.failures()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("duplicate plugin name 'twin'", "com.example.One", "com.example.Two")
                    .contains(first.toString(), second.toString()));
            assertThatThrownBy(() -> registry.select(List.of("twin")))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN))
                    .hasMessageContaining("com.example.One").hasMessageContaining("com.example.Two");
        }
    }
}
