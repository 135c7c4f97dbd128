package io.cdkj.plugin.profile;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The {@code profile} plugin: credentials for each target account from the AWS profile the user
 * already has for it, found in the AWS config and credentials files without any cdkj configuration.
 *
 * <h2>Choosing the profile</h2>
 * For a request (account, region, mode):
 * <ol>
 *   <li>an explicit mapping in the context key {@code profile:accounts}, for both modes
 *       ({@code {"111111111111": "dev-admin"}}) or per mode
 *       ({@code {"111111111111": {"read": "dev-ro", "write": "dev-admin"}}}), in {@code cdk.json} or as a
 *       JSON string through {@code --context};</li>
 *   <li>else discovery: the profiles whose own keys put them in the account — {@code sso_account_id}
 *       (IAM Identity Center, with {@code sso_session} or the legacy {@code sso_start_url}), the account
 *       of {@code role_arn}, or {@code aws_account_id} — in the request's partition where the profile
 *       tells;</li>
 *   <li>one such profile is used whatever its role; among several, the one whose role name
 *       ({@code sso_role_name} or the last part of {@code role_arn}) matches the mode's pattern —
 *       {@code profile:readRolePattern} (default {@code ReadOnly|ViewOnly}) or
 *       {@code profile:writeRolePattern} (default {@code Admin|PowerUser|Deploy}), Java regular
 *       expressions found anywhere in the name, ignoring case; no match or several matches fail,
 *       naming the candidates and the mapping that settles it.</li>
 * </ol>
 * The files are {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}, else
 * {@code ~/.aws/config} and {@code ~/.aws/credentials}, with {@code HOME} — all taken from the
 * request's environment ({@link io.cdkj.plugin.Configuration#environment()}), not the JVM's.
 * {@link #canProvideCredentials} reads only those files: no network, no token refresh; its decline
 * names the files it searched.
 *
 * <h2>Credentials</h2>
 * {@link #getProvider} returns the SDK's own {@link ProfileCredentialsProvider} for the chosen
 * profile, which serves IAM Identity Center, {@code role_arn} + {@code source_profile} or
 * {@code credential_source}, {@code credential_process} and static keys, and refreshes temporary
 * credentials by itself. Before returning it resolves the credentials once, so a broken profile fails
 * there, in one line. For an IAM Identity Center profile (or a role profile whose
 * {@code source_profile} chain starts at one) it first checks the token that {@code aws sso login}
 * cached in {@code ~/.aws/sso/cache}: a missing or expired token fails with
 * {@code aws sso login --sso-session NAME} (or {@code --profile NAME} for a legacy profile). The SDK
 * reads that cache from the process's home directory, so a request whose {@code HOME} differs from
 * the process's cannot use an SSO profile, and says so. {@link #describe} (dry runs) names the profile,
 * why it was chosen and its IAM Identity Center session, after the same file-only checks.
 *
 * <h2>Lifecycle and threading</h2>
 * Stateless apart from its clock: the constructor does nothing, every call reads the files afresh, and
 * the host closes the providers it gets (the plugin keeps none). Thread-safe.
 */
@AutoService(CredentialProviderSource.class)
public final class ProfilePlugin implements CredentialProviderSource {

    /** The name users select the plugin by. */
    public static final String NAME = "profile";

    private static final List<String> REQUIRED_CLASSES = List.of(
            "software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider",
            "software.amazon.awssdk.services.sts.StsClient",
            "software.amazon.awssdk.services.sso.SsoClient",
            "software.amazon.awssdk.services.ssooidc.SsoOidcClient",
            "software.amazon.awssdk.protocols.jsoncore.JsonNodeParser");

    private final Clock clock;
    private final Path processHome;

    /** Cheap: no I/O, no SDK client. */
    public ProfilePlugin() {
        this(Clock.systemUTC(), sdkHome());
    }

    /**
     * @param clock       compared with SSO token expiry
     * @param processHome the home directory the SDK reads the SSO token cache from
     */
    ProfilePlugin(Clock clock, Path processHome) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.processHome = Objects.requireNonNull(processHome, "processHome");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The plugin needs the SDK's auth, sts, sso, ssooidc and json-utils modules, which the host ships. */
    @Override
    public boolean isAvailable() {
        return missingClass().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return "the AWS SDK class " + missingClass().orElse("?") + " is not on the class path; the profile plugin uses "
                + "the host's SDK (auth, sts, sso, ssooidc, json-utils)";
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        if (request.mode() != Mode.READ && request.mode() != Mode.WRITE) {
            return Decision.decline("the profile plugin does not know mode " + request.mode().cliName());
        }
        Choice choice = choose(request);
        return choice instanceof Choice.NotFound notFound ? Decision.decline(notFound.reason()) : Decision.provide();
    }

    /**
     * Which profile {@link #getProvider} would use and why, from the files alone, e.g.
     * {@code profile dev (the only profile in account 111111111111 (sso_account_id)), IAM Identity Center
     * sso-session corp}; fails as {@code getProvider} would when the SSO login is missing or expired.
     */
    @Override
    public Optional<String> describe(CredentialRequest request) {
        Selection selection = select(request);
        return Optional.of("profile " + selection.profile() + " (" + selection.reason() + ")"
                + selection.sso().map(login -> ", IAM Identity Center " + login.session()
                        .map(session -> "sso-session " + session).orElse("login of profile " + login.profile()))
                        .orElse(""));
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        Selection selection = select(request);
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(selection.profiles().file())
                .profileName(selection.profile())
                .build();
        try {
            provider.resolveCredentials();
            return provider;
        } catch (RuntimeException e) {
            provider.close();
            throw ProfileFailures.resolveFailed(selection.profile(), request, selection.sso(), e);
        }
    }

    /** Which profile a request gets and why, from the files alone (for explanations and tests). */
    Choice choose(CredentialRequest request) {
        return ProfileChooser.choose(request, SettingsParser.parse(request.configuration()),
                AwsProfiles.load(request.configuration()));
    }

    /** The chosen profile, its files and its SSO login, checked as far as the files tell. */
    private Selection select(CredentialRequest request) {
        AwsProfiles profiles = AwsProfiles.load(request.configuration());
        Choice choice = ProfileChooser.choose(request, SettingsParser.parse(request.configuration()), profiles);
        if (choice instanceof Choice.NotFound notFound) {
            throw new CredentialProviderException(notFound.reason());
        }
        Choice.Chosen chosen = (Choice.Chosen) choice;
        Optional<SsoLogin> sso = SsoLogin.behind(chosen.profile(), profiles);
        if (sso.isPresent()) {
            SsoToken.requireUsable(sso.get(), clock);
            requireSdkHome(sso.get(), profiles.home());
        }
        return new Selection(profiles, chosen.profile(), chosen.reason(), sso);
    }

    /** What {@link #select} found. */
    private record Selection(AwsProfiles profiles, String profile, String reason, Optional<SsoLogin> sso) {
    }

    /** The SDK reads the token cache of the process's home; one of another home would be ignored silently. */
    private void requireSdkHome(SsoLogin login, Path requestHome) {
        if (!requestHome.toAbsolutePath().normalize().equals(processHome.toAbsolutePath().normalize())) {
            throw new CredentialProviderException(login.describe() + " needs the IAM Identity Center token cache of HOME "
                    + requestHome + ", but the AWS SDK reads the one of this process's home " + processHome
                    + "; run cdkj with HOME=" + requestHome);
        }
    }

    /** Where the SDK looks for the token cache: HOME, else user.home (its non-Windows rule). */
    private static Path sdkHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    private static Optional<String> missingClass() {
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, ProfilePlugin.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ProfilePlugin[" + NAME + "]";
    }
}
