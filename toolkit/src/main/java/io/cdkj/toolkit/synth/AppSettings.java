package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the toolkit tells the app besides the user's context, exactly as the Node CDK CLI does, so that
 * the same app, context and flags give the same templates with either tool:
 * <ul>
 *   <li>context (it wins over the user's values, as in the Node CLI):
 *       {@code aws:cdk:enable-path-metadata} and {@code aws:cdk:enable-asset-metadata} ({@code true},
 *       absent when turned off), {@code aws:cdk:version-reporting: true} (or, turned off,
 *       {@code aws:cdk:disable-version-reporting: true} — the {@code AWS::CDK::Metadata} resource),
 *       {@code aws:cdk:disable-asset-staging: true} for {@code --no-staging},
 *       {@code aws:cdk:bundling-stacks} (the stacks whose assets are bundled), and
 *       {@code @aws-cdk/core:failSynthOnValidationErrors: false}, so validation errors are annotations
 *       the toolkit reports after the lookup rounds rather than a failed first round on placeholder values;</li>
 *   <li>environment: {@code CDK_CLI_VERSION}, {@code CDK_CLI_ASM_VERSION}, {@code CDK_DEBUG=true}
 *       with {@code --debug}, {@code CDK_VALIDATION=false} for {@code --no-validation}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param pathMetadata     {@code --path-metadata} / {@code "pathMetadata"}
 * @param assetMetadata    {@code --asset-metadata} / {@code "assetMetadata"}
 * @param versionReporting {@code --version-reporting} / {@code "versionReporting"}
 * @param staging          {@code --staging} / {@code "staging"}
 * @param bundlingStacks   stack patterns whose assets are bundled: {@code **} for synth, diff and deploy
 *                         (the selected stacks with {@code --exclusively}), none for the other commands
 * @param debugApp         {@code --debug}: the app gets {@code CDK_DEBUG=true}
 * @param validation       false for {@code --no-validation}
 * @param cliVersion       the toolkit's version, for {@code CDK_CLI_VERSION}
 */
public record AppSettings(boolean pathMetadata, boolean assetMetadata, boolean versionReporting, boolean staging,
        List<String> bundlingStacks, boolean debugApp, boolean validation, String cliVersion) {

    /** The cloud assembly schema version the toolkit reads (that of the Node CLI it matches). */
    public static final String ASSEMBLY_SCHEMA_VERSION = "55.0.0";

    /** The Node CLI's defaults for {@code cdk synth}. */
    public static final AppSettings DEFAULTS = new AppSettings(true, true, true, true, List.of("**"), false, true,
            toolkitVersion());

    public AppSettings {
        bundlingStacks = List.copyOf(bundlingStacks);
        Objects.requireNonNull(cliVersion, "cliVersion");
    }

    /** The same settings bundling only {@code stacks} ({@code []} for commands that deploy nothing). */
    public AppSettings withBundlingStacks(List<String> stacks) {
        return new AppSettings(pathMetadata, assetMetadata, versionReporting, staging, stacks, debugApp, validation,
                cliVersion);
    }

    /** The toolkit's context keys, to be applied over the user's context. */
    public ObjectNode context() {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        if (pathMetadata) {
            context.put("aws:cdk:enable-path-metadata", true);
        }
        if (assetMetadata) {
            context.put("aws:cdk:enable-asset-metadata", true);
        }
        if (versionReporting) {
            context.put("aws:cdk:version-reporting", true);
        } else {
            context.put("aws:cdk:disable-version-reporting", true);
        }
        if (!staging) {
            context.put("aws:cdk:disable-asset-staging", true);
        }
        ArrayNode bundling = context.putArray("aws:cdk:bundling-stacks");
        bundlingStacks.forEach(bundling::add);
        context.put("@aws-cdk/core:failSynthOnValidationErrors", false);
        return context;
    }

    /** The toolkit's variables for the app's environment. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CDK_CLI_VERSION", cliVersion);
        environment.put("CDK_CLI_ASM_VERSION", ASSEMBLY_SCHEMA_VERSION);
        if (debugApp) {
            environment.put("CDK_DEBUG", "true");
        }
        if (!validation) {
            environment.put("CDK_VALIDATION", "false");
        }
        return environment;
    }

    private static String toolkitVersion() {
        String version = AppSettings.class.getPackage().getImplementationVersion();
        return version == null ? "0.0.0" : version;
    }
}
