package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lookup providers cdkj supports, by manifest provider key. Immutable, thread-safe.
 */
public final class LookupProviders {

    private final Map<String, LookupProvider> byKey;

    public LookupProviders(Collection<? extends LookupProvider> providers) {
        Map<String, LookupProvider> map = new TreeMap<>();
        for (LookupProvider p : providers) {
            if (map.put(p.key(), p) != null) {
                throw new IllegalArgumentException("two lookup providers for key '" + p.key() + "'");
            }
        }
        this.byKey = Map.copyOf(map);
    }

    /** The built-in providers. */
    public static LookupProviders builtIn() {
        return new LookupProviders(List.of(new SsmParameterProvider(), new AvailabilityZonesProvider(),
                new VpcProvider(), new AmiProvider(), new HostedZoneProvider(), new SecurityGroupProvider(),
                new KeyProvider(), new LoadBalancerProvider(), new LoadBalancerListenerProvider(),
                new EndpointServiceAvailabilityZonesProvider(), new CcApiProvider()));
    }

    public Optional<LookupProvider> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Supported keys, sorted. */
    public List<String> keys() {
        return byKey.keySet().stream().sorted().toList();
    }

    /**
     * Fails before any AWS call when the app asks for a provider cdkj does not support.
     *
     * @throws ToolkitException with {@link ErrorCode#USAGE} naming the provider key and context key
     */
    public void requireSupported(List<MissingContext> missing) {
        for (MissingContext m : missing) {
            if (!byKey.containsKey(m.provider())) {
                throw new ToolkitException(ErrorCode.USAGE, "Unsupported context provider '" + m.provider()
                        + "' (needed for context key '" + m.key() + "'). cdkj supports: " + String.join(", ", keys())
                        + ". Put the value into cdk.context.json by hand, or synthesize this app with a toolkit"
                        + " that supports the provider.");
            }
        }
    }
}
