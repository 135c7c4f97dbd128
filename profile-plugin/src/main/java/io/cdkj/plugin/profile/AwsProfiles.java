package io.cdkj.plugin.profile;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The user's AWS config and credentials files, located from the request's environment
 * ({@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}, {@code HOME}) rather than the JVM's,
 * and parsed once by the SDK's {@link ProfileFile} (the credentials file wins for a profile in both,
 * as in the SDK). Reading them is the only I/O this class does. Immutable and thread-safe.
 */
final class AwsProfiles {

    static final String CONFIG_FILE = "AWS_CONFIG_FILE";
    static final String CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    static final String HOME = "HOME";

    private final ProfileFile file;
    private final Path home;
    private final Path config;
    private final Path credentials;

    private AwsProfiles(ProfileFile file, Path home, Path config, Path credentials) {
        this.file = file;
        this.home = home;
        this.config = config;
        this.credentials = credentials;
    }

    /**
     * Reads the files the environment points at; a missing file counts as empty.
     *
     * @throws CredentialProviderException naming the file when one cannot be parsed
     */
    static AwsProfiles load(Configuration configuration) {
        Path home = home(configuration);
        Path config = location(configuration, CONFIG_FILE, home, home.resolve(".aws").resolve("config"));
        Path credentials = location(configuration, CREDENTIALS_FILE, home, home.resolve(".aws").resolve("credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        read(config, ProfileFile.Type.CONFIGURATION).ifPresent(aggregator::addFile);
        read(credentials, ProfileFile.Type.CREDENTIALS).ifPresent(aggregator::addFile);
        return new AwsProfiles(aggregator.build(), home, config, credentials);
    }

    /** {@code HOME} from the request's environment, else the JVM's {@code user.home} (as the SDK falls back). */
    static Path home(Configuration configuration) {
        return configuration.environmentVariable(HOME).filter(value -> !value.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    /** The parsed files, as the SDK's profile providers take them. */
    ProfileFile file() {
        return file;
    }

    /** The home directory the files (and the SSO token cache) are found under. */
    Path home() {
        return home;
    }

    /** Every profile, by name (the {@code profile } prefix of the config file removed). */
    Map<String, Profile> profiles() {
        return file.profiles();
    }

    Optional<Profile> profile(String name) {
        return file.profile(name);
    }

    /** A {@code [sso-session NAME]} section of the config file. */
    Optional<Profile> ssoSession(String name) {
        return file.getSection("sso-session", name);
    }

    /** Where the profiles were looked for, for messages: {@code /h/.aws/config and /h/.aws/credentials (missing)}. */
    String searched() {
        return describe(config) + " and " + describe(credentials);
    }

    private static String describe(Path path) {
        return path + (Files.isRegularFile(path) ? "" : " (missing)");
    }

    private static Path location(Configuration configuration, String variable, Path home, Path fallback) {
        return configuration.environmentVariable(variable).filter(value -> !value.isBlank())
                .map(value -> expandHome(value.trim(), home))
                .orElse(fallback);
    }

    /** {@code ~/x} is the home's {@code x}, as the AWS CLI and the SDK read it. */
    private static Path expandHome(String value, Path home) {
        if (value.equals("~")) {
            return home;
        }
        if (value.startsWith("~/") || value.startsWith("~" + java.io.File.separator)) {
            return home.resolve(value.substring(2));
        }
        return Path.of(value);
    }

    private static Optional<ProfileFile> read(Path path, ProfileFile.Type type) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileFile.builder().content(path).type(type).build());
        } catch (RuntimeException e) {
            throw new CredentialProviderException("the AWS " + (type == ProfileFile.Type.CONFIGURATION ? "config" : "credentials")
                    + " file " + path + " cannot be read (" + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())
                    + "); fix the file or point " + (type == ProfileFile.Type.CONFIGURATION ? CONFIG_FILE : CREDENTIALS_FILE)
                    + " at another one", e);
        }
    }

    @Override
    public String toString() {
        return "AwsProfiles[" + searched() + ", profiles=" + file.profiles().keySet() + "]";
    }
}
