package io.cdkj.toolkit.assembly;

import java.util.Objects;

/**
 * A message the app attached to a construct ({@code aws:cdk:error}, {@code aws:cdk:warning},
 * {@code aws:cdk:info} metadata), e.g. a lookup's {@code $providerError} reported on the stack.
 *
 * @param path    construct path, e.g. {@code /devSampleApp}
 * @param level   severity
 * @param message the text
 */
public record Annotation(String path, Level level, String message) {

    /** Severity of an annotation, by its metadata type. */
    public enum Level {
        ERROR("aws:cdk:error"), WARNING("aws:cdk:warning"), INFO("aws:cdk:info");

        private final String metadataType;

        Level(String metadataType) {
            this.metadataType = metadataType;
        }

        /** The level for a metadata entry type, or null when the entry is not an annotation. */
        static Level ofMetadataType(String type) {
            for (Level level : values()) {
                if (level.metadataType.equals(type)) {
                    return level;
                }
            }
            return null;
        }
    }

    public Annotation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    /** The CDK CLI's rendering: {@code [Error at /devSampleApp] message}. */
    public String render() {
        String label = switch (level) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Info";
        };
        return "[" + label + " at " + path + "] " + message;
    }
}
