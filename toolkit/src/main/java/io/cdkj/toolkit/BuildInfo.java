package io.cdkj.toolkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the toolkit was built from: its version and the git commit of the build ({@code cdkj --version},
 * the Maven plugin's log). Read from the {@code build-info.properties} resource the build writes next to
 * this class; a value the build could not fill in (no git checkout) reads as absent, and without the
 * resource (classes compiled by an IDE) the version is {@code dev}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the toolkit's version, {@code dev} when unknown
 * @param commit  the full commit id, when built from a git checkout
 * @param dirty   whether the checkout had uncommitted changes
 */
public record BuildInfo(String version, Optional<String> commit, boolean dirty) {

    static final String RESOURCE = "build-info.properties";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version is blank");
        }
        commit.ifPresent(id -> {
            if (!COMMIT.matcher(id).matches()) {
                throw new IllegalArgumentException("not a git commit id: " + id);
            }
        });
    }

    /** The build of the toolkit on this class path; {@code dev} with no commit when the resource is missing. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the toolkit's " + RESOURCE, e);
        }
    }

    /** Reads the build's properties ({@code version}, {@code commit}, {@code dirty}); blank or unfilled values are absent. */
    static BuildInfo of(Properties properties) {
        String version = filled(properties.getProperty("version")).orElse("dev");
        Optional<String> commit = filled(properties.getProperty("commit")).filter(id -> COMMIT.matcher(id).matches());
        boolean dirty = commit.isPresent() && filled(properties.getProperty("dirty")).map(Boolean::parseBoolean).orElse(false);
        return new BuildInfo(version, commit, dirty);
    }

    /** {@code commit 0123…} (with {@code , modified} for a dirty checkout) or {@code commit unknown}. */
    public String describeCommit() {
        return commit.map(id -> "commit " + id + (dirty ? ", modified" : "")).orElse("commit unknown");
    }

    private static Optional<String> filled(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
