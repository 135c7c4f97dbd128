package io.cdkj.toolkit.access;

import java.util.Objects;

/**
 * The {@link CredentialSource} of a stack and, setting by setting, the level that decided it — what
 * {@code cdkj credentials} shows. Immutable.
 *
 * @param source        the resulting source
 * @param profileOrigin where the profile setting came from
 * @param pluginsOrigin where the plugins setting came from
 */
public record CredentialChoice(CredentialSource source, Origin profileOrigin, Origin pluginsOrigin) {

    /** The toolkit-wide choice for both settings. */
    public static final CredentialChoice DEFAULT = new CredentialChoice(CredentialSource.DEFAULT,
            Origin.DEFAULT, Origin.DEFAULT);

    public CredentialChoice {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profileOrigin, "profileOrigin");
        Objects.requireNonNull(pluginsOrigin, "pluginsOrigin");
    }

    /** Where the profile came from, for people. */
    public String profileFrom() {
        return profileOrigin.level() == Level.DEFAULT
                ? "the toolkit default (--profile, \"profile\" in cdk.json, else AWS_PROFILE)" : profileOrigin.entry();
    }

    /** Where the plugins came from, for people. */
    public String pluginsFrom() {
        return pluginsOrigin.level() == Level.DEFAULT
                ? "the toolkit default (--plugin, \"plugin\" in cdk.json)" : pluginsOrigin.entry();
    }

    /** The levels of the precedence order, highest first. */
    public enum Level {
        /** An entry named after the stack (display name, artifact id or stack name). */
        STACK,
        /** An entry named after a stage the stack is in (the nearest stage wins). */
        STAGE,
        /** The {@code "*"} entry. */
        APP,
        /** {@code --profile} / {@code "profile"}, {@code --plugin} / {@code "plugin"}. */
        DEFAULT
    }

    /**
     * Where one setting came from.
     *
     * @param level the level
     * @param key   the {@code cdkj:credentials} key of the entry; empty for {@link Level#DEFAULT}
     */
    public record Origin(Level level, String key) {

        static final Origin DEFAULT = new Origin(Level.DEFAULT, "");

        public Origin {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(key, "key");
        }

        /** For people: {@code cdkj:credentials "prodSampleApp" (the stack's own entry)}; empty for the default. */
        String entry() {
            return switch (level) {
                case STACK -> CredentialOverrides.KEY + " \"" + key + "\" (the stack's own entry)";
                case STAGE -> CredentialOverrides.KEY + " \"" + key + "\" (its stage's entry)";
                case APP -> CredentialOverrides.KEY + " \"" + key + "\" (the app's entry)";
                case DEFAULT -> "";
            };
        }
    }
}
