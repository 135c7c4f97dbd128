package io.cdkj.toolkit.deploy.assets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A build cache backend of the manifest's {@code cacheFrom}/{@code cacheTo}, e.g. type {@code registry}
 * with params {@code ref=…, mode=max}.
 *
 * @param type   the backend type
 * @param params its parameters, in manifest order
 *
 * <p>Immutable.
 */
public record DockerCacheOption(String type, Map<String, String> params) {

    public DockerCacheOption {
        Objects.requireNonNull(type, "type");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The value of {@code --cache-from}/{@code --cache-to}: {@code type=T,k=v,…}. */
    public String flagValue() {
        StringBuilder value = new StringBuilder("type=").append(type);
        params.forEach((key, v) -> value.append(',').append(key).append('=').append(v));
        return value.toString();
    }
}
