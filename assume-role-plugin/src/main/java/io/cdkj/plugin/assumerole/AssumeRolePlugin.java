package io.cdkj.plugin.assumerole;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The {@code assume-role} plugin: gives credentials for another account by assuming a role there
 * with STS AssumeRole, called with the host's own credentials ({@link CredentialRequest#baseCredentials()}).
 * {@code READ} (lookups during synth) assumes the lookup role, {@code WRITE} (deploy) the deploy role.
 * The provider returned is the SDK's refreshing {@code StsAssumeRoleCredentialsProvider}, so a
 * deployment longer than one session never fails on expiry.
 *
 * <h2>Configuration</h2>
 * Context keys (in {@code cdk.json} {@code "context"}, {@code cdk.context.json} or {@code --context}),
 * all under the prefix {@code assume-role-credentials:}, which is the TypeScript
 * {@code cdk-assume-role-credential-plugin}'s, so its configuration works unchanged:
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>environment variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code readIamRoleName}</td><td>{@code CDKJ_ASSUME_ROLE_READ_ROLE_NAME}</td><td>{@code cdk-readOnlyRole}</td>
 *       <td>name of the READ role in the target account (may include a path, {@code team/name})</td></tr>
 *   <tr><td>{@code writeIamRoleName}</td><td>{@code CDKJ_ASSUME_ROLE_WRITE_ROLE_NAME}</td><td>{@code cdk-writeRole}</td>
 *       <td>name of the WRITE role</td></tr>
 *   <tr><td>{@code readRoleArn}</td><td>{@code CDKJ_ASSUME_ROLE_READ_ROLE_ARN}</td><td>—</td>
 *       <td>full ARN of the READ role, instead of a name</td></tr>
 *   <tr><td>{@code writeRoleArn}</td><td>{@code CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN}</td><td>—</td>
 *       <td>full ARN of the WRITE role, instead of a name</td></tr>
 *   <tr><td>{@code externalId}</td><td>{@code CDKJ_ASSUME_ROLE_EXTERNAL_ID}</td><td>none</td>
 *       <td>external ID passed to STS (2–1224 of {@code [\w+=,.@:/-]})</td></tr>
 *   <tr><td>{@code roleSessionName}</td><td>{@code CDKJ_ASSUME_ROLE_SESSION_NAME}</td>
 *       <td>{@code cdkj-<mode>-<caller>}</td>
 *       <td>role session name ({@code [\w+=,.@-]{2,64}}); the default names the mode and the session or
 *       user name of the host's identity, truncated to 64 characters, e.g. {@code cdkj-read-ci-job-42}</td></tr>
 *   <tr><td>{@code durationSeconds}</td><td>{@code CDKJ_ASSUME_ROLE_DURATION_SECONDS}</td><td>{@code 3600}</td>
 *       <td>session duration, 900–43200 (sessions assumed from a role session are limited to 3600 by STS)</td></tr>
 *   <tr><td>{@code stsRegion}</td><td>{@code CDKJ_ASSUME_ROLE_STS_REGION}</td><td>the target region</td>
 *       <td>region whose STS endpoint is called; must be in the target's partition</td></tr>
 *   <tr><td>{@code allowedAccounts}</td><td>{@code CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS} (comma-separated)</td>
 *       <td>all accounts</td><td>list of 12-digit account ids (strings); the plugin declines any other
 *       account, with a reason naming the account and the key</td></tr>
 *   <tr><td>{@code accounts}</td><td>—</td><td>none</td>
 *       <td>per-account overrides: an object keyed by 12-digit account id whose values are objects with
 *       the keys {@code readIamRoleName}, {@code writeIamRoleName}, {@code readRoleArn},
 *       {@code writeRoleArn}, {@code externalId}, {@code roleSessionName}, {@code durationSeconds}</td></tr>
 * </table>
 * Role names and ARNs may use the placeholders {@code {ACCOUNT_ID}} (the target account),
 * {@code {REGION}} (the target region) and {@code {PARTITION}} (the target's partition, from the
 * SDK's region metadata). A name becomes {@code arn:PARTITION:iam::ACCOUNT_ID:role/NAME}; an ARN must
 * end up in the target's partition and account. Numbers may be given as JSON numbers or as strings
 * (as {@code --context key=value} gives them). Blank environment variables count as unset.
 *
 * <h2>Precedence</h2>
 * Setting by setting, the first level that sets it wins:
 * <ol>
 *   <li>the target account's entry in {@code assume-role-credentials:accounts};</li>
 *   <li>the context keys (the host has already merged {@code --context} over {@code cdk.json} over
 *       {@code cdk.context.json});</li>
 *   <li>the {@code CDKJ_ASSUME_ROLE_*} environment variables;</li>
 *   <li>the defaults.</li>
 * </ol>
 * A role name and a role ARN for the same mode are one setting: a per-account {@code readIamRoleName}
 * overrides a context-level {@code readRoleArn}. {@code stsRegion} and {@code allowedAccounts} exist at
 * the context and environment levels only.
 *
 * <h2>Conflicts and validation</h2>
 * A role name and a role ARN for the same mode at the same level (e.g. {@code readIamRoleName} and
 * {@code readRoleArn} both in the context, or both in one account entry, or both environment
 * variables) is an error naming both keys. So is any invalid setting — an unknown key under
 * {@code assume-role-credentials:} (or an unknown {@code CDKJ_ASSUME_ROLE_*} variable), a malformed
 * account id, an out-of-range duration, an invalid session name or role name, an unknown
 * placeholder, a value of the wrong JSON type — reported by {@link #canProvideCredentials} as a
 * {@link CredentialProviderException} naming the key and the value, before any network call.
 *
 * <h2>Lifecycle and threading</h2>
 * The constructor does nothing; STS clients (one per STS region) are created on the first
 * {@link #getProvider}, which calls AssumeRole once to fail early with a message naming the role
 * ARN, the account, the caller, the STS error code and a fix. {@link #describe} resolves the same
 * settings and names the role and session without creating a client. {@link #close()} closes the clients
 * and the providers it returned (idempotent; the host closing a provider as well is harmless).
 * Thread-safe.
 */
@AutoService(CredentialProviderSource.class)
public final class AssumeRolePlugin implements CredentialProviderSource {

    /** The name users select the plugin by. */
    public static final String NAME = "assume-role";

    private static final String STS_CLIENT_CLASS = "software.amazon.awssdk.services.sts.StsClient";

    private RoleSessions sessions;
    private boolean closed;

    /** Cheap: no I/O, no SDK client. */
    public AssumeRolePlugin() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The plugin needs the SDK's STS module, which the host provides on its class path. */
    @Override
    public boolean isAvailable() {
        try {
            Class.forName(STS_CLIENT_CLASS, false, AssumeRolePlugin.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String unavailableReason() {
        return "the AWS SDK's sts module (" + STS_CLIENT_CLASS + ") is not on the class path; "
                + "the assume-role plugin uses the host's SDK";
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        ParsedConfiguration configuration = SettingsParser.parse(request.configuration());
        Optional<String> decline = configuration.declineReason(request);
        if (decline.isPresent()) {
            return Decision.decline(decline.get());
        }
        // Resolving checks what depends on the request (partition and account of role ARNs).
        AssumeRoleSettings.resolve(configuration, request);
        return Decision.provide();
    }

    /** The role ARN and session name {@link #getProvider} would assume; no STS client, no call. */
    @Override
    public Optional<String> describe(CredentialRequest request) {
        return Optional.of(settingsFor(request).description());
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        return sessions().open(settingsFor(request), request.baseCredentials(), request.callerArn());
    }

    /** The settings for a request the host expects served: here a decline is an error. */
    private static AssumeRoleSettings settingsFor(CredentialRequest request) {
        ParsedConfiguration configuration = SettingsParser.parse(request.configuration());
        Optional<String> decline = configuration.declineReason(request);
        if (decline.isPresent()) {
            throw new CredentialProviderException(decline.get());
        }
        return AssumeRoleSettings.resolve(configuration, request);
    }

    /** Closes the STS clients and the providers this plugin created; idempotent. */
    @Override
    public void close() {
        RoleSessions toClose;
        synchronized (this) {
            closed = true;
            toClose = sessions;
            sessions = null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    private synchronized RoleSessions sessions() {
        if (closed) {
            throw new IllegalStateException("the assume-role plugin has been closed");
        }
        if (sessions == null) {
            sessions = new RoleSessions();
        }
        return sessions;
    }

    @Override
    public String toString() {
        return "AssumeRolePlugin[" + NAME + "]";
    }
}
