package io.cdkj.toolkit.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.plugins.fakes.DecliningPlugin;
import io.cdkj.toolkit.plugins.fakes.UnavailablePlugin;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The registry built from plugin instances ({@link PluginRegistry#of}): name checks, availability,
 * selection and closing, each observed on the instances themselves.
 */
class PluginRegistryTest {

    @Test
    void of_callsIsAvailableOncePerPlugin_andKeepsTheReason() {
        UnavailablePlugin unavailable = new UnavailablePlugin();

        try (PluginRegistry registry = PluginRegistry.of(List.of(unavailable, new DecliningPlugin()))) {
            registry.select(List.of("fake-unavailable"));
            registry.plugins();
            registry.find("fake-unavailable");

            assertThat(unavailable.isAvailableCalls()).isEqualTo(1);
            assertThat(registry.find("fake-unavailable").orElseThrow().unavailableReason())
                    .contains("fake-unavailable needs FAKE_TOOL on the PATH");
            assertThat(registry.find("fake-declining").orElseThrow().available()).isTrue();
        }
    }

    @Test
    void of_isAvailableThrows_becomesTheUnavailableReason() {
        Plugin broken = new Plugin("broken", () -> {
            throw new IllegalStateException("no tool");
        });

        try (PluginRegistry registry = PluginRegistry.of(List.of(broken))) {
            assertThat(registry.find("broken").orElseThrow().unavailableReason())
                    .contains("isAvailable() threw IllegalStateException (no tool)");
            assertThat(registry.failures()).isEmpty();
        }
    }

    @Test
    void of_invalidNames_areRejectedNamingTheClass_andClosed() {
        Plugin blank = new Plugin("  ");
        Plugin upperCase = new Plugin("Assume-Role");
        Plugin none = new Plugin(null);
        Plugin fine = new Plugin("fine");

        try (PluginRegistry registry = PluginRegistry.of(List.of(blank, upperCase, none, fine))) {
            assertThat(registry.plugins()).extracting(LoadedPlugin::name).containsExactly("fine");
            assertThat(registry.failures()).extracting(LoadFailure::message).containsExactly(
                    Plugin.class.getName() + " has an invalid name '  ' (a plugin name is lower-case letters, digits and dashes, and not blank)",
                    Plugin.class.getName() + " has an invalid name 'Assume-Role' (a plugin name is lower-case letters, digits and dashes, and not blank)",
                    Plugin.class.getName() + " has an invalid name null (a plugin name is lower-case letters, digits and dashes, and not blank)");
            assertThat(List.of(blank.closes, upperCase.closes, none.closes)).extracting(AtomicInteger::get).containsOnly(1);
            assertThat(blank.isAvailableCalls.get()).as("isAvailable of a rejected plugin").isZero();
        }
    }

    @Test
    void of_nameThrows_isRecordedWithItsCause() {
        CredentialProviderSource nameless = new Plugin("x") {
            @Override
            public String name() {
                throw new IllegalStateException("name not configured");
            }
        };

        try (PluginRegistry registry = PluginRegistry.of(List.of(nameless))) {
            assertThat(registry.plugins()).isEmpty();
            assertThat(registry.failures()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains(".name() threw IllegalStateException (name not configured)"));
        }
    }

    @Test
    void of_duplicateName_rejectsBothNamingBothClasses_andClosesBoth() {
        Plugin first = new Plugin("twin");
        Plugin second = new Plugin("twin") {
        };

        try (PluginRegistry registry = PluginRegistry.of(List.of(first, second, new DecliningPlugin()))) {
            assertThat(registry.find("twin")).isEmpty();
            assertThat(registry.failures()).singleElement().satisfies(f -> assertThat(f.message())
                    .startsWith("duplicate plugin name 'twin' used by " + Plugin.class.getName())
                    .contains(" and " + second.getClass().getName()));
            assertThatThrownBy(() -> registry.select(List.of("twin")))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN))
                    .hasMessageStartingWith("Cannot use plugin 'twin': duplicate plugin name 'twin' used by ");
            assertThat(first.closes.get() + second.closes.get()).isEqualTo(2);
            assertThat(first.isAvailableCalls.get() + second.isAvailableCalls.get()).isZero();
        }
    }

    @Test
    void select_returnsPluginsInTheGivenOrder_eachOnce() {
        try (PluginRegistry registry = PluginRegistry.of(List.of(new Plugin("b"), new Plugin("a"), new Plugin("c")))) {
            assertThat(registry.select(List.of("c", "a", "c"))).extracting(LoadedPlugin::name).containsExactly("c", "a");
            assertThat(registry.plugins()).extracting(LoadedPlugin::name).containsExactly("a", "b", "c");
        }
    }

    @Test
    void select_unknownName_failsListingThePluginsFoundAndTheFailures() {
        try (PluginRegistry registry = PluginRegistry.of(List.of(new Plugin("assume-role"), new Plugin("Bad")))) {
            assertThatThrownBy(() -> registry.select(List.of("asume-role")))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessageStartingWith("Unknown plugin 'asume-role'. Plugins found: assume-role; plugins that failed to load: ")
                    .hasMessageContaining("has an invalid name 'Bad'")
                    .hasMessageEndingWith(". Put the plugin's jar in ./plugins, ~/.cdkj/plugins or CDKJ_PLUGIN_PATH, or fix the name.");
        }
    }

    @Test
    void select_noPlugins_saysNone() {
        try (PluginRegistry registry = PluginRegistry.of(List.of())) {
            assertThatThrownBy(() -> registry.select(List.of("assume-role")))
                    .hasMessage("Unknown plugin 'assume-role'. Plugins found: none. Put the plugin's jar in ./plugins, "
                            + "~/.cdkj/plugins or CDKJ_PLUGIN_PATH, or fix the name.");
        }
    }

    @Test
    void close_closesEveryPlugin_evenWhenOneThrows() {
        Plugin throwing = new Plugin("throwing") {
            @Override
            public void close() {
                super.close();
                throw new IllegalStateException("close failed");
            }
        };
        Plugin other = new Plugin("other");

        PluginRegistry.of(List.of(throwing, other)).close();

        assertThat(throwing.closes.get()).isEqualTo(1);
        assertThat(other.closes.get()).isEqualTo(1);
    }

    /** A plugin with a given name and availability that counts isAvailable() and close() calls. */
    private static class Plugin implements CredentialProviderSource {
        final AtomicInteger isAvailableCalls = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        private final String name;
        private final Supplier<Boolean> available;

        Plugin(String name) {
            this(name, () -> true);
        }

        Plugin(String name, Supplier<Boolean> available) {
            this.name = name;
            this.available = available;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isAvailable() {
            isAvailableCalls.incrementAndGet();
            return available.get();
        }

        @Override
        public Decision canProvideCredentials(CredentialRequest request) {
            return Decision.decline(name + " declines");
        }

        @Override
        public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
            throw new AssertionError("not asked in registry tests");
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
