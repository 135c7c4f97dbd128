package io.cdkj.toolkit.assembly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the manifest's {@code missing} list: a context value the app asked for and the toolkit
 * must look up ({@code ssm:account=111111111111:parameterName=/x:region=us-east-2}).
 *
 * <p>Immutable: {@link #props()} returns a copy.
 *
 * @param key      the context key the result is stored under
 * @param provider the provider key ({@code ssm}, {@code vpc-provider}, ...)
 * @param props    the provider query, including {@code account}, {@code region},
 *                 {@code lookupRoleArn} and {@code lookupRoleExternalId} when present
 */
public record MissingContext(String key, String provider, ObjectNode props) {

    public MissingContext {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        props = Objects.requireNonNull(props, "props").deepCopy();
    }

    @Override
    public ObjectNode props() {
        return props.deepCopy();
    }

    /** {@code props.account}, when present. */
    public Optional<String> account() {
        return text("account");
    }

    /** {@code props.region}, when present. */
    public Optional<String> region() {
        return text("region");
    }

    /** The environment the lookup must run in, when {@code account} and {@code region} are concrete. */
    public Optional<AwsEnvironment> environment() {
        Optional<String> account = account();
        Optional<String> region = region();
        if (account.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        return AwsEnvironment.parse("aws://" + account.get() + "/" + region.get());
    }

    /** {@code props.lookupRoleArn} with its external ID and options: the role to assume on top for this lookup. */
    public Optional<RoleToAssume> lookupRole() {
        return Roles.read(props, "lookupRoleArn", "lookupRoleExternalId");
    }

    /**
     * What the lookup needs credentials for: READ in its environment, with its lookup role on top; empty
     * when the query names no concrete environment.
     */
    public Optional<CredentialTarget> target() {
        return environment().map(env -> new CredentialTarget(env, Mode.READ, lookupRole()));
    }

    /** A string property of the query; empty when absent or blank. */
    public Optional<String> text(String property) {
        return ManifestJson.text(props, property);
    }
}
