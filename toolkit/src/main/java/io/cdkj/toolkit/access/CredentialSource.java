package io.cdkj.toolkit.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a target's base credentials come from: the host's own identity (an AWS profile) and the
 * credential plugins to ask when that identity does not act in the target account. Empty means the
 * toolkit-wide choice ({@code --profile} / {@code "profile"}, {@code --plugin} / {@code "plugin"});
 * a stack overrides either in {@code cdkj:credentials} (see {@link CredentialOverrides}).
 *
 * <p>Immutable; a good map key (targets with equal sources share one resolution).
 *
 * @param profile the AWS profile of the host's identity for this target; empty for the toolkit-wide one
 * @param plugins the plugins to ask, in order (possibly none); empty for the toolkit-wide selection
 */
public record CredentialSource(Optional<String> profile, Optional<List<String>> plugins) {

    /** The toolkit-wide choice. */
    public static final CredentialSource DEFAULT = new CredentialSource(Optional.empty(), Optional.empty());

    public CredentialSource {
        Objects.requireNonNull(profile, "profile");
        plugins = Objects.requireNonNull(plugins, "plugins").map(List::copyOf);
    }

    /** Whether nothing is overridden. */
    public boolean isDefault() {
        return profile.isEmpty() && plugins.isEmpty();
    }

    @Override
    public String toString() {
        return isDefault() ? "default" : profile.map(p -> "profile " + p).orElse("default profile")
                + plugins.map(p -> ", plugins " + p).orElse("");
    }
}
