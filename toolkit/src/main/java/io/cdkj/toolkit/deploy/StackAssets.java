package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.deploy.assets.AssetManifest;
import io.cdkj.toolkit.deploy.assets.FileAssetPublisher;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gets a stack's assets and template where CloudFormation can read them. A small template goes inline
 * and its own file asset is not uploaded (so stacks synthesized with {@code CliCredentialsStackSynthesizer}
 * deploy into accounts that were never bootstrapped); a large one is uploaded to the assets bucket and
 * referenced by URL.
 *
 * <p>Thread-safe.
 */
final class StackAssets {

    private final FileAssetPublisher publisher;
    private final AwsClientFactory clients;

    StackAssets(FileAssetPublisher publisher, AwsClientFactory clients) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Publishes the stack's file assets and tells how CloudFormation reads the template.
     *
     * @param force publish assets even when their objects are already there ({@code --force})
     */
    StackRequest.TemplateSource publish(ResolvedStack stack, StackTemplate template,
            IdentityProvider<AwsCredentialsIdentity> credentials, boolean force) {
        boolean inline = template.inline();
        Path templateName = stack.artifact().templateFile().getFileName();
        for (Path file : stack.artifact().assetManifests()) {
            AssetManifest manifest = AssetManifest.read(file);
            publisher.publish(stack.stackName(), stack.environment(), stack.source(), manifest,
                    asset -> !(inline && asset.source().getFileName().equals(templateName)), force);
        }
        if (inline) {
            return new StackRequest.TemplateSource(Optional.of(template.text()), Optional.empty());
        }
        StackTemplate.S3Location location = template.location(stack.artifact().stackTemplateAssetObjectUrl(), stack.environment());
        if (!location.isAsset()) {
            S3Client s3 = clients.create(S3Client.builder(), credentials, stack.environment().region());
            s3.putObject(r -> r.bucket(location.bucket()).key(location.key()), RequestBody.fromString(template.text()));
        }
        return new StackRequest.TemplateSource(Optional.empty(), Optional.of(location.url(stack.environment().region())));
    }
}
