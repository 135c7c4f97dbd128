package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The host's {@link TargetCredentials} when stacks may choose their own credentials
 * ({@code cdkj:credentials}): one {@link HostCredentials} per {@link CredentialSource} — each with its
 * default identity and plugin selection, its caches and its STS sessions — created on first use, and
 * every target sent to the one of its source. Targets of the toolkit-wide choice all share one.
 *
 * <p>Thread-safe. Closing closes every {@code HostCredentials} created.
 */
public final class SourcedCredentials implements TargetCredentials, AutoCloseable {

    private final Function<CredentialSource, HostCredentials> factory;
    private final Map<CredentialSource, Memo<HostCredentials>> hosts = new ConcurrentHashMap<>();
    private final List<HostCredentials> created = new ArrayList<>();

    /**
     * @param factory builds the host of one source (for {@link CredentialSource#DEFAULT}: the toolkit-wide
     *                default identity and plugins); called once per source
     */
    public SourcedCredentials(Function<CredentialSource, HostCredentials> factory) {
        this.factory = factory;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target) {
        return host(target.source()).forTarget(target);
    }

    /** As {@link HostCredentials#explain}, by the target's source. */
    public Explanation explain(CredentialTarget target) {
        return host(target.source()).explain(target);
    }

    /** As {@link HostCredentials#explainDryRun}, by the target's source. */
    public Explanation explainDryRun(CredentialTarget target) {
        return host(target.source()).explainDryRun(target);
    }

    /** The toolkit-wide default identity. */
    public DefaultIdentity defaultIdentity() {
        return host(CredentialSource.DEFAULT).defaultIdentity();
    }

    /** The toolkit-wide plugin selection. */
    public List<LoadedPlugin> selectedPlugins() {
        return host(CredentialSource.DEFAULT).selectedPlugins();
    }

    /** The host of {@code source}: its default identity, its plugins, its caches. */
    public HostCredentials host(CredentialSource source) {
        return hosts.computeIfAbsent(source, key -> new Memo<>(() -> {
            HostCredentials host = factory.apply(key);
            synchronized (created) {
                created.add(host);
            }
            return host;
        })).get();
    }

    /** Closes every host created, newest first. */
    @Override
    public void close() {
        synchronized (created) {
            for (int i = created.size() - 1; i >= 0; i--) {
                created.get(i).close();
            }
            created.clear();
        }
    }
}
