package io.cdkj.plugin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The {@link CredentialProviderSource} contract as executable checks. A plugin author extends this
 * class in the plugin's tests (add {@code io.cdkj:plugin-api:test-jar} with {@code <type>test-jar</type>},
 * JUnit Jupiter and AssertJ as test dependencies) and implements the three hooks:
 *
 * <pre>{@code
 * class MyPluginContractTest extends CredentialProviderSourceContractTest {
 *     protected CredentialProviderSource createSource() { return new MyPlugin(); }
 *     protected String expectedName() { return "my-plugin"; }
 *     protected CredentialRequest declinedRequest(CountingIdentityProvider base) { ... }
 * }
 * }</pre>
 *
 * Override {@link #servableRequest(CountingIdentityProvider)} to also check {@code getProvider}
 * against an endpoint the test controls (e.g. a local AWS emulator), and {@code describe}: on that
 * request it must send nothing to AWS (every SDK client and the request's {@code AWS_ENDPOINT_URL}
 * are pointed at a counting loopback endpoint meanwhile), must not resolve the base credentials and
 * must return one line without their secret key or session token. The {@code describe} check sets
 * the JVM-wide {@code aws.endpointUrl} system property for its duration, so do not run contract
 * tests in parallel with other tests that use AWS clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CredentialProviderSourceContractTest {

    private static final String BASE_SECRET = "contract-base-secret-key-not-real";
    private static final String BASE_TOKEN = "contract-base-session-token-not-real";

    /** A fresh instance of the plugin, created the way {@link ServiceLoader} would. */
    protected abstract CredentialProviderSource createSource();

    /** The name the plugin is selected by. */
    protected abstract String expectedName();

    /** A request the plugin must decline (with a reason), built on the given base credentials. */
    protected abstract CredentialRequest declinedRequest(CountingIdentityProvider baseCredentials);

    /**
     * A request the plugin can serve and whose provider resolves in this test's environment, or
     * empty to skip the {@code getProvider} checks.
     */
    protected Optional<CredentialRequest> servableRequest(CountingIdentityProvider baseCredentials) {
        return Optional.empty();
    }

    /**
     * The provider {@code getProvider} returns, as it will be used. By default the plugin's own; a host
     * overrides this to run the same checks on what it wraps around the plugin's provider (a deadline,
     * an account check), so its wrappers meet the contract too.
     */
    protected IdentityProvider<AwsCredentialsIdentity> providerAsUsed(CredentialProviderSource source,
            CredentialRequest request) {
        return source.getProvider(request);
    }

    /**
     * The account {@code identity} acts in (e.g. per STS GetCallerIdentity against the test's endpoint),
     * or empty to skip the check that the provider's credentials act in the requested account.
     */
    protected Optional<String> accountOf(AwsCredentialsIdentity identity) {
        return Optional.empty();
    }

    /** Convenience for subclasses: a request with defaults for everything but account and mode. */
    protected static CredentialRequest.Builder request(String account, Mode mode, CountingIdentityProvider base) {
        return CredentialRequest.builder()
                .account(account)
                .region("us-east-1")
                .partition("aws")
                .mode(mode)
                .configuration(Configuration.empty())
                .baseCredentials(base);
    }

    @Test
    void name_isStableLowerCaseAndAsExpected() {
        try (CredentialProviderSource source = createSource()) {
            assertThat(source.name()).isEqualTo(expectedName());
            assertThat(source.name()).matches("[a-z0-9][a-z0-9-]*");
            assertThat(createSource().name()).as("name() of a second instance").isEqualTo(source.name());
        }
    }

    @Test
    void registration_isFoundByServiceLoaderUnderItsName() {
        List<String> found = ServiceLoader.load(CredentialProviderSource.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(CredentialProviderSource::name)
                .collect(Collectors.toList());
        assertThat(found).as("names registered for ServiceLoader (use @AutoService)").contains(expectedName());
    }

    @Test
    void implementation_isPublicFinalWithPublicNoArgConstructor() throws Exception {
        Class<?> type = createSource().getClass();
        assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isTrue();
        assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
    }

    @Test
    void isAvailable_doesNotThrow() {
        try (CredentialProviderSource source = createSource()) {
            assertThatCode(source::isAvailable).doesNotThrowAnyException();
        }
    }

    @Test
    void canProvideCredentials_declinesWithReason_withoutTouchingBaseCredentials() {
        CountingIdentityProvider base = CountingIdentityProvider.dummy();
        try (CredentialProviderSource source = createSource()) {
            source.isAvailable();
            Decision decision = source.canProvideCredentials(declinedRequest(base));
            assertThat(decision).isNotNull();
            assertThat(decision.canProvide()).isFalse();
            assertThat(decision.reason()).isNotBlank();
        }
        assertThat(base.resolutions()).as("base credentials resolved by canProvideCredentials").isZero();
    }

    @Test
    void canProvideCredentials_onServableRequest_isSideEffectFree() {
        CountingIdentityProvider base = CountingIdentityProvider.dummy();
        Optional<CredentialRequest> request = servableRequest(base);
        if (request.isEmpty()) {
            return;
        }
        try (CredentialProviderSource source = createSource()) {
            assertThat(source.isAvailable()).isTrue();
            assertThat(source.canProvideCredentials(request.get())).isEqualTo(Decision.provide());
            assertThat(source.canProvideCredentials(request.get())).as("asked twice").isEqualTo(Decision.provide());
        }
        assertThat(base.resolutions()).as("base credentials resolved by canProvideCredentials").isZero();
    }

    @Test
    void getProvider_returnsProviderThatResolvesAndHidesSecrets() {
        CountingIdentityProvider base = CountingIdentityProvider.dummy();
        Optional<CredentialRequest> request = servableRequest(base);
        if (request.isEmpty()) {
            return;
        }
        try (CredentialProviderSource source = createSource()) {
            source.isAvailable();
            IdentityProvider<AwsCredentialsIdentity> provider = providerAsUsed(source, request.get());
            assertThat(provider).isNotNull();
            AwsCredentialsIdentity identity = provider.resolveIdentity().join();
            assertThat(identity.accessKeyId()).isNotBlank();
            accountOf(identity).ifPresent(account -> assertThat(account)
                    .as("the account the provider's credentials act in").isEqualTo(request.get().account()));
            assertThat(provider.toString()).doesNotContain(identity.secretAccessKey());
            assertThat(identity.toString()).doesNotContain(identity.secretAccessKey());
            if (identity instanceof AwsSessionCredentialsIdentity session) {
                assertThat(provider.toString()).doesNotContain(session.sessionToken());
                assertThat(identity.toString()).doesNotContain(session.sessionToken());
            }
            if (provider instanceof AutoCloseable closeable) {
                assertThatCode(closeable::close).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void describe_onServableRequest_makesNoAwsCall_andShowsNoSecret() {
        CountingIdentityProvider base = CountingIdentityProvider.of(
                AwsSessionCredentialsIdentity.create("AKIDCONTRACTTEST", BASE_SECRET, BASE_TOKEN));
        try (LoopbackAws aws = LoopbackAws.start()) {
            Optional<CredentialRequest> request = servableRequest(base).map(aws::routeHere);
            if (request.isEmpty()) {
                return;
            }
            Optional<String> description;
            try (CredentialProviderSource source = createSource()) {
                source.isAvailable();
                assertThat(source.canProvideCredentials(request.get())).isEqualTo(Decision.provide());
                description = source.describe(request.get());
            } finally {
                assertThat(aws.requests()).as("requests to AWS (%s) made by describe", aws.url()).isZero();
            }
            assertThat(description).as("describe's result").isNotNull();
            description.ifPresent(text -> assertThat(text).as("description").isNotBlank()
                    .doesNotContain("\n", "\r").doesNotContain(BASE_SECRET, BASE_TOKEN));
        }
        assertThat(base.resolutions()).as("base credentials resolved by describe").isZero();
    }

    @Test
    void close_isIdempotent() {
        CredentialProviderSource source = createSource();
        source.isAvailable();
        assertThatCode(() -> {
            source.close();
            source.close();
        }).doesNotThrowAnyException();
    }
}
