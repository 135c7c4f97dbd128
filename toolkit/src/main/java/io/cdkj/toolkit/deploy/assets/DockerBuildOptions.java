package io.cdkj.toolkit.deploy.assets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest's {@code docker build} options of a directory source (see docs/DEPLOY.md for the flag
 * each becomes). Maps keep manifest order, so the command line is the same on every run.
 *
 * @param dockerFile      {@code --file}, relative to the build context
 * @param buildArgs       {@code --build-arg NAME=VALUE}
 * @param buildTarget     {@code --target}
 * @param buildSecrets    {@code --secret id=NAME,VALUE} (VALUE is e.g. {@code src=/path} or {@code env=VAR}, not the secret)
 * @param buildSsh        {@code --ssh}
 * @param networkMode     {@code --network}
 * @param platform        {@code --platform}
 * @param outputs         {@code --output=…}
 * @param cacheFrom       {@code --cache-from}
 * @param cacheTo         {@code --cache-to}
 * @param cacheDisabled   {@code --no-cache}
 * @param buildContexts   {@code --build-context NAME=VALUE}
 *
 * <p>Immutable.
 */
public record DockerBuildOptions(Optional<String> dockerFile, Map<String, String> buildArgs, Optional<String> buildTarget,
        Map<String, String> buildSecrets, Optional<String> buildSsh, Optional<String> networkMode,
        Optional<String> platform, List<String> outputs, List<DockerCacheOption> cacheFrom,
        Optional<DockerCacheOption> cacheTo, boolean cacheDisabled, Map<String, String> buildContexts) {

    public DockerBuildOptions {
        Objects.requireNonNull(dockerFile, "dockerFile");
        buildArgs = ordered(buildArgs);
        Objects.requireNonNull(buildTarget, "buildTarget");
        buildSecrets = ordered(buildSecrets);
        Objects.requireNonNull(buildSsh, "buildSsh");
        Objects.requireNonNull(networkMode, "networkMode");
        Objects.requireNonNull(platform, "platform");
        outputs = List.copyOf(outputs);
        cacheFrom = List.copyOf(cacheFrom);
        Objects.requireNonNull(cacheTo, "cacheTo");
        buildContexts = ordered(buildContexts);
    }

    /** No options: {@code docker build} of the directory's {@code Dockerfile}. */
    public static DockerBuildOptions none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Collects options one by one (the manifest reader, tests). Not thread-safe. */
    public static final class Builder {
        private Optional<String> dockerFile = Optional.empty();
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private Optional<String> buildTarget = Optional.empty();
        private final Map<String, String> buildSecrets = new LinkedHashMap<>();
        private Optional<String> buildSsh = Optional.empty();
        private Optional<String> networkMode = Optional.empty();
        private Optional<String> platform = Optional.empty();
        private final List<String> outputs = new ArrayList<>();
        private final List<DockerCacheOption> cacheFrom = new ArrayList<>();
        private Optional<DockerCacheOption> cacheTo = Optional.empty();
        private boolean cacheDisabled;
        private final Map<String, String> buildContexts = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder dockerFile(String value) {
            dockerFile = Optional.of(value);
            return this;
        }

        public Builder buildArg(String name, String value) {
            buildArgs.put(name, value);
            return this;
        }

        public Builder buildTarget(String value) {
            buildTarget = Optional.of(value);
            return this;
        }

        public Builder buildSecret(String id, String value) {
            buildSecrets.put(id, value);
            return this;
        }

        public Builder buildSsh(String value) {
            buildSsh = Optional.of(value);
            return this;
        }

        public Builder networkMode(String value) {
            networkMode = Optional.of(value);
            return this;
        }

        public Builder platform(String value) {
            platform = Optional.of(value);
            return this;
        }

        public Builder output(String value) {
            outputs.add(value);
            return this;
        }

        public Builder cacheFrom(DockerCacheOption value) {
            cacheFrom.add(value);
            return this;
        }

        public Builder cacheTo(DockerCacheOption value) {
            cacheTo = Optional.of(value);
            return this;
        }

        public Builder cacheDisabled(boolean value) {
            cacheDisabled = value;
            return this;
        }

        public Builder buildContext(String name, String value) {
            buildContexts.put(name, value);
            return this;
        }

        public DockerBuildOptions build() {
            return new DockerBuildOptions(dockerFile, buildArgs, buildTarget, buildSecrets, buildSsh, networkMode,
                    platform, outputs, cacheFrom, cacheTo, cacheDisabled, buildContexts);
        }
    }
}
