package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.Partitions;
import io.cdkj.toolkit.aws.PseudoParameters;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A stack's synthesized template and where CloudFormation reads it from: inline up to
 * {@value #INLINE_LIMIT} bytes (CloudFormation's limit for {@code TemplateBody}), otherwise from S3.
 *
 * @param text the template as synthesized
 * @param json the template parsed (for its {@code Parameters})
 *
 * <p>Immutable.
 */
record StackTemplate(String text, JsonNode json) {

    /** CloudFormation's maximum {@code TemplateBody} size in bytes. */
    static final int INLINE_LIMIT = 51_200;

    /** The bucket of CDK's default bootstrap qualifier, used when the assembly names none. */
    static final String DEFAULT_ASSETS_BUCKET = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the file when it is missing or not JSON
     */
    static StackTemplate read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new StackTemplate(text, JSON.readTree(text));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read template " + file + ": " + JsonInput.describe(e)
                    + " (synthesize the app again)", e);
        }
    }

    /** Whether the template fits in {@code TemplateBody}. */
    boolean inline() {
        return text.getBytes(StandardCharsets.UTF_8).length <= INLINE_LIMIT;
    }

    /**
     * The S3 bucket and key of a large template: from the assembly's {@code stackTemplateAssetObjectUrl}
     * (the template is then one of the stack's file assets), else the default assets bucket under the
     * template's hash.
     */
    S3Location location(Optional<String> stackTemplateAssetObjectUrl, AwsEnvironment environment) {
        if (stackTemplateAssetObjectUrl.isPresent()) {
            URI url = URI.create(PseudoParameters.resolve(stackTemplateAssetObjectUrl.get(), environment));
            return new S3Location(url.getHost(), url.getPath().substring(1), true);
        }
        return new S3Location(PseudoParameters.resolve(DEFAULT_ASSETS_BUCKET, environment), "cdkj/" + sha256() + ".json", false);
    }

    /**
     * Where a large template lives.
     *
     * @param isAsset whether the assets manifest already publishes it
     */
    record S3Location(String bucket, String key, boolean isAsset) {

        /** The HTTPS URL CloudFormation's {@code TemplateURL} expects. */
        String url(String region) {
            return "https://s3." + region + "." + Partitions.urlSuffixOf(region) + "/" + bucket + "/" + key;
        }
    }

    private String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
