package io.cdkj.toolkit.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether any source of the AWS SDK default chain is configured, answered from the environment, the
 * profile files and the machine alone — no network. Resolving the chain with nothing configured ends
 * in the EC2 instance metadata service, whose timeouts would add seconds to every synth that has no
 * credentials; like the Node CDK CLI, cdkj only asks it when the machine looks like an EC2 instance.
 *
 * <p>Stateless and thread-safe.
 */
final class CredentialSources {

    private static final List<String> VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.webIdentityTokenFile",
            "aws.containerCredentialsPath", "aws.containerCredentialsFullUri");
    private static final List<Path> EC2_HINTS = List.of(Path.of("/sys/devices/virtual/dmi/id/product_uuid"),
            Path.of("/sys/devices/virtual/dmi/id/board_asset_tag"), Path.of("/sys/devices/virtual/dmi/id/sys_vendor"));

    private CredentialSources() {
    }

    static boolean configured(Map<String, String> env, Path home, Optional<String> profile) {
        if (VARIABLES.stream().anyMatch(v -> present(env.get(v)))
                || PROPERTIES.stream().anyMatch(p -> present(System.getProperty(p)))) {
            return true;
        }
        String name = ProfileFiles.profileName(env, profile);
        try {
            if (ProfileFiles.load(env, home).profile(name).isPresent()) {
                return true;
            }
        } catch (RuntimeException e) {
            return true; // a profile file the SDK cannot read: let the chain report it
        }
        return looksLikeEc2();
    }

    private static boolean looksLikeEc2() {
        for (Path hint : EC2_HINTS) {
            try {
                String value = Files.readString(hint).trim().toLowerCase(Locale.ROOT);
                if (value.startsWith("ec2") || value.startsWith("i-") || value.contains("amazon")) {
                    return true;
                }
            } catch (IOException | SecurityException e) {
                // not readable here: not a hint
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
