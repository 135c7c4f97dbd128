package io.cdkj.plugin;

import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * A source of AWS credentials for accounts other than the one the host's own credentials act in.
 * This is the cdkj plugin SPI.
 *
 * <h2>Discovery</h2>
 * The host finds implementations with {@link java.util.ServiceLoader} on its plugin class path and
 * selects them by {@link #name()} ({@code cdkj --plugin NAME}, or the {@code "plugin"} array in
 * {@code cdk.json}). Register an implementation with Google AutoService
 * ({@code @AutoService(CredentialProviderSource.class)}) rather than a hand-written
 * {@code META-INF/services} file. An implementation is a {@code public final} class with a public
 * no-argument constructor that does no I/O: the host instantiates every plugin it finds, including
 * the ones the user did not select.
 *
 * <h2>When the host asks</h2>
 * Only when the host's own identity does not act in the target account. For each
 * {@code (account, region, mode)} the selected plugins are asked in the order the user gave them,
 * and the first one that returns a provider wins.
 *
 * <h2>Call order</h2>
 * <ol>
 *   <li>{@link #name()} — any number of times, from any thread.</li>
 *   <li>{@link #isAvailable()} — once per process, before anything below. If it returns false the
 *       plugin is never asked again and {@link #unavailableReason()} is reported.</li>
 *   <li>{@link #canProvideCredentials(CredentialRequest)} — per request; must be cheap and free of
 *       side effects: no network calls, no AssumeRole "just to find out", no resolution of
 *       {@link CredentialRequest#baseCredentials()}.</li>
 *   <li>{@link #getProvider(CredentialRequest)} — only after {@code canProvideCredentials} returned
 *       {@link Decision#provide()} for the same request. The host caches the result per
 *       {@code (account, region, mode)}, so it is called at most once per key and process.</li>
 *   <li>{@link #describe(CredentialRequest)} — on dry runs, <em>instead of</em> {@code getProvider},
 *       also only after {@code canProvideCredentials} returned {@link Decision#provide()}.</li>
 *   <li>{@link #close()} — once, when the host's command ends, also on failure.</li>
 * </ol>
 *
 * <h2>Threading</h2>
 * The host may call {@code canProvideCredentials} and {@code getProvider} concurrently from several
 * threads for different requests (lookups and deployments run in parallel across environments);
 * implementations must be thread-safe. The providers they return are used from many threads at once.
 *
 * <h2>Failures</h2>
 * Throw {@link CredentialProviderException} with a message that names the failing input and a fix.
 * The host catches every {@link RuntimeException} a plugin throws, records it as that plugin's
 * reason and goes on to the next plugin; it never crashes because of a plugin. {@link Error}s are
 * not caught.
 *
 * <h2>Secrets</h2>
 * Never log or put into an exception message, a {@code toString} or a file a secret access key or a
 * session token.
 */
public interface CredentialProviderSource extends AutoCloseable {

    /**
     * The stable name users select this plugin by, e.g. {@code assume-role}. Lower-case letters,
     * digits and dashes; never blank, and unique among the plugins on the class path (the host
     * rejects duplicates, naming both classes). It must not change between releases.
     */
    String name();

    /**
     * Whether the plugin can work at all in this process (e.g. a required tool or setting is
     * present). Called once, first. Must not throw; must not block on the network.
     */
    boolean isAvailable();

    /**
     * Why {@link #isAvailable()} returned false, for the host's error message. Only called after
     * {@code isAvailable()} returned false.
     */
    default String unavailableReason() {
        return "the plugin reports that it is not available";
    }

    /**
     * Whether this plugin can give credentials for the request, with a reason when it cannot.
     * Cheap and side-effect free (see the class documentation). Invalid plugin configuration is best
     * reported here as a {@link CredentialProviderException} naming the key and the value.
     *
     * @param request never null
     * @return never null
     */
    Decision canProvideCredentials(CredentialRequest request);

    /**
     * Returns a provider of credentials that act in {@link CredentialRequest#account()}.
     *
     * <p>The provider must <em>refresh</em> its credentials before they expire (for example the SDK's
     * {@code StsAssumeRoleCredentialsProvider}), because the host keeps using it for the length of a
     * deployment, which may exceed one session; never return a snapshot of temporary credentials.
     * It is used concurrently. If it implements {@link AutoCloseable} (as SDK providers do), the
     * host closes it when the command ends; the plugin must not close it earlier.
     *
     * <p>The host verifies the credentials before using them: they must resolve, and they must act
     * in the requested account; a provider for another account is a hard error naming the plugin.
     * Resolving the credentials once before returning, so that a wrong role fails here with a clear
     * message, is encouraged.
     *
     * @param request never null; {@code canProvideCredentials(request)} returned {@code provide()}
     * @return never null
     * @throws CredentialProviderException when no credentials can be obtained
     */
    IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request);

    /**
     * What {@link #getProvider(CredentialRequest)} would do for the request, in a few words — e.g.
     * {@code assume arn:aws:iam::111111111111:role/cdk-readOnlyRole as session cdkj-read} — so that a
     * dry run can say what would happen without doing it. The host calls it instead of
     * {@code getProvider}, and only after {@code canProvideCredentials(request)} returned
     * {@link Decision#provide()}.
     *
     * <p>Like {@code canProvideCredentials} it must be cheap and free of side effects: no network
     * call, and no resolution of {@link CredentialRequest#baseCredentials()}. The text is shown to
     * users as it is: one line, without secrets (no secret access key, session token or external
     * ID; say that one is set instead). Must be thread-safe. An exception means the same as one
     * from {@code getProvider}: the plugin could not provide.
     *
     * <p>The default returns empty; the host then only says that the plugin would be asked.
     *
     * @param request never null; {@code canProvideCredentials(request)} returned {@code provide()}
     * @return never null; empty when the plugin cannot say
     * @throws CredentialProviderException when {@code getProvider} would fail for a reason known
     *     without a network call
     */
    default Optional<String> describe(CredentialRequest request) {
        return Optional.empty();
    }

    /**
     * Releases what the plugin holds (e.g. SDK clients it created). Called once by the host when
     * its command ends; must be idempotent and must not throw checked exceptions.
     */
    @Override
    default void close() {
    }
}
