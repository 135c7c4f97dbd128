package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.Secrets;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider whose every resolution is remembered in {@link Secrets} — the first and every
 * refresh after it — so that no message shows keys the SDK obtained later (an assumed role's session
 * renewed during a long deploy, say).
 *
 * <p>Thread-safe if {@code delegate} is. Closing closes the delegate.
 */
record SecretRememberingProvider(AwsCredentialsProvider delegate) implements AwsCredentialsProvider, SdkAutoCloseable {

    SecretRememberingProvider {
        Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        remember(credentials);
        return credentials;
    }

    /** The host has these secrets now: no message may show them. */
    static void remember(AwsCredentials credentials) {
        Secrets.remember(credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            Secrets.remember(session.sessionToken());
        }
    }

    @Override
    public void close() {
        Closeables.closeQuietly(delegate);
    }
}
