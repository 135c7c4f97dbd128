package io.cdkj.toolkit.deploy.assets;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.PseudoParameters;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.access.CredentialTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes the file assets of a stack to S3: an object already present (HeadObject) is left alone,
 * because asset keys are content hashes; directories are zipped deterministically. Each destination is
 * written with the WRITE credentials of its environment, with its publishing role ({@code assumeRoleArn})
 * on top when it names one — as the CDK CLI's asset publishing does.
 *
 * <p>Thread-safe: stacks publish in parallel; each call uses its own clients.
 */
public final class FileAssetPublisher {

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final ProgressLog log;
    private final Consumer<String> verbose;
    private final String path;

    public FileAssetPublisher(TargetCredentials credentials, AwsClientFactory clients, ProgressLog log) {
        this(credentials, clients, log, line -> { }, System.getenv("PATH"));
    }

    /**
     * @param verbose receives the asset files that come from outside the cloud assembly and how
     *                directories were zipped ({@code --verbose})
     * @param path    the PATH to find {@code node} on, whose zlib deflates as the Node CDK CLI's does
     */
    public FileAssetPublisher(TargetCredentials credentials, AwsClientFactory clients, ProgressLog log,
            Consumer<String> verbose, String path) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.log = Objects.requireNonNull(log, "log");
        this.verbose = Objects.requireNonNull(verbose, "verbose");
        this.path = path;
    }

    /**
     * Publishes every file asset of {@code manifest} that {@code include} accepts.
     *
     * @param stackName    prefix of the progress lines
     * @param environment  the stack's environment (fills {@code ${AWS::AccountId}} etc.)
     * @param source       where the stack's base credentials come from (roles are assumed on top)
     * @throws ToolkitException ({@link ErrorCode#AWS}) naming the asset, bucket and key when an upload fails
     */
    public void publish(String stackName, AwsEnvironment environment, CredentialSource source,
            AssetManifest manifest,
            Predicate<AssetManifest.FileAsset> include) {
        publish(stackName, environment, source, manifest, include, false);
    }

    /**
     * Like {@link #publish(String, AwsEnvironment, CredentialSource, AssetManifest, Predicate)};
     * {@code force} uploads also the objects that are already there ({@code deploy --force}).
     */
    public void publish(String stackName, AwsEnvironment environment, CredentialSource source,
            AssetManifest manifest, Predicate<AssetManifest.FileAsset> include, boolean force) {
        for (AssetManifest.FileAsset asset : manifest.files()) {
            if (!include.test(asset)) {
                continue;
            }
            if (!asset.source().normalize().startsWith(manifest.file().toAbsolutePath().getParent())) {
                verbose.accept(stackName + " | asset " + asset.id() + " comes from outside the cloud assembly: "
                        + asset.source());
            }
            for (AssetManifest.FileDestination destination : asset.destinations()) {
                publish(stackName, environment, source, asset, destination, force);
            }
        }
    }

    private void publish(String stackName, AwsEnvironment stackEnvironment, CredentialSource source,
            AssetManifest.FileAsset asset, AssetManifest.FileDestination destination, boolean force) {
        AwsEnvironment environment = new AwsEnvironment(stackEnvironment.account(),
                destination.region().map(r -> PseudoParameters.resolve(r, stackEnvironment)).orElse(stackEnvironment.region()));
        String bucket = PseudoParameters.resolve(destination.bucketName(), environment);
        String key = PseudoParameters.resolve(destination.objectKey(), environment);
        IdentityProvider<AwsCredentialsIdentity> writer = credentials.forTarget(
                new CredentialTarget(environment, Mode.WRITE, destination.role(), source));
        S3Client s3 = clients.create(S3Client.builder(), writer, environment.region());
        try {
            if (!force && exists(s3, bucket, key)) {
                log.stack(stackName, "asset " + asset.id() + ": already in s3://" + bucket + "/" + key);
                return;
            }
            upload(s3, stackName, asset, bucket, key);
            log.stack(stackName, "asset " + asset.id() + ": published to s3://" + bucket + "/" + key);
        } catch (S3Exception e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot publish asset " + asset.id() + " to s3://" + bucket + "/"
                    + key + " in " + environment + ": " + reason(e)
                    + " (check that the bucket exists — bootstrap the environment — and that the deploy role may write to it)", e);
        }
    }

    /** S3 answers HEAD errors without a body, so fall back to the status code. */
    private static String reason(S3Exception e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message != null ? message : "HTTP " + e.statusCode();
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void upload(S3Client s3, String stackName, AssetManifest.FileAsset asset, String bucket, String key) {
        Path source = asset.source();
        if (!Files.exists(source)) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Asset " + asset.id() + " has no file at " + source
                    + " (synthesize the app again)");
        }
        if (Files.isDirectory(source) || "zip".equals(asset.packaging()) && !source.toString().endsWith(".zip")) {
            Path zip = null;
            try {
                zip = Files.createTempFile("cdkj-asset-", ".zip");
                DeterministicZip.Result zipped = DeterministicZip.write(source, zip, path, verbose);
                for (DirectoryWalk.Source outside : zipped.outside()) {
                    verbose.accept(stackName + " | asset " + asset.id() + ": " + outside.name()
                            + " is a link to a file outside the asset directory, zipped as " + outside.file().toRealPath());
                }
                s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(zip));
            } catch (IOException e) {
                throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot zip asset " + asset.id() + " from " + source
                        + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(zip);
            }
        } else {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(source));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is not worth failing a deployment
            }
        }
    }
}
