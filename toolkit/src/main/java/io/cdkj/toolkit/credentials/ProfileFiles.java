package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.RegionNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS shared config and credentials files, located from the invocation's environment
 * ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}) and home directory rather than the
 * JVM's, so tests and embedders control them. Stateless.
 */
public final class ProfileFiles {

    /** The region used when nothing configures one. */
    public static final String FALLBACK_REGION = "us-east-1";

    private ProfileFiles() {
    }

    /** Where the files are looked for, config first. */
    public static List<Path> locations(Map<String, String> env, Path home) {
        return List.of(
                Path.of(env.getOrDefault("AWS_CONFIG_FILE", home.resolve(".aws").resolve("config").toString())),
                Path.of(env.getOrDefault("AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve(".aws").resolve("credentials").toString())));
    }

    /** The existing files, aggregated (credentials file wins, as in the SDK). */
    public static ProfileFile load(Map<String, String> env, Path home) {
        List<Path> paths = locations(env, home);
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(paths.get(0))) {
            aggregator.addFile(ProfileFile.builder().content(paths.get(0)).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(paths.get(1))) {
            aggregator.addFile(ProfileFile.builder().content(paths.get(1)).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return aggregator.build();
    }

    /**
     * The profile name the default chain uses: {@code explicit}, else {@code AWS_PROFILE}, else {@code default}.
     */
    public static String profileName(Map<String, String> env, Optional<String> explicit) {
        return explicit.orElseGet(() -> env.getOrDefault("AWS_PROFILE", "default"));
    }

    /**
     * Fails when {@code profile} is in neither file.
     *
     * @throws ToolkitException {@link ErrorCode#CREDENTIALS} naming the profile and the files looked in
     */
    public static void requireProfile(String profile, Map<String, String> env, Path home) {
        if (load(env, home).profile(profile).isEmpty()) {
            List<String> places = new ArrayList<>();
            locations(env, home).forEach(p -> places.add(p + (Files.isRegularFile(p) ? "" : " (missing)")));
            throw new ToolkitException(ErrorCode.CREDENTIALS, "AWS profile '" + profile + "' not found; looked in "
                    + String.join(" and ", places) + ". Create it (aws configure --profile " + profile
                    + ") or choose another --profile.");
        }
    }

    /**
     * A region and where it came from, for messages. Validated where it is made, so a malformed region
     * from any source ({@code --region}, {@code AWS_REGION}, a profile) is refused naming that source.
     *
     * @param region     the region name
     * @param source     e.g. {@code AWS_REGION}, {@code profile 'ci'}, {@code default, as no region is configured}
     * @param configured false when nothing configures a region and {@link #FALLBACK_REGION} is used
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the value and its source when {@code region}
     *     is not a region name ({@link RegionNames})
     */
    public record RegionChoice(String region, String source, boolean configured) {
        public RegionChoice {
            Objects.requireNonNull(source, "source");
            if (!RegionNames.isValid(region)) {
                throw new ToolkitException(ErrorCode.USAGE, "Invalid region '" + region + "' (from " + source + "): "
                        + RegionNames.expectation() + ". Fix " + source + ".");
            }
        }
    }

    /** {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the profile's region, else us-east-1. */
    public static RegionChoice defaultRegion(Map<String, String> env, Path home, Optional<String> profile) {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return new RegionChoice(value.trim(), variable, true);
            }
        }
        String name = profileName(env, profile);
        Optional<String> region;
        try {
            region = load(env, home).profile(name)
                    .flatMap(p -> p.property(ProfileProperty.REGION))
                    .filter(r -> !r.isBlank());
        } catch (RuntimeException e) {
            // A malformed profile file is reported when credentials are needed; the region falls back.
            region = Optional.empty();
        }
        return region.map(r -> new RegionChoice(r.trim(), "profile '" + name + "'", true))
                .orElseGet(() -> new RegionChoice(FALLBACK_REGION, "default, as no region is configured", false));
    }
}
