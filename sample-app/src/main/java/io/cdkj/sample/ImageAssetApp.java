package io.cdkj.sample;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * An app with a container image: {@code devImageApp} (dev account, us-east-2) and {@code prodImageApp}
 * (prod account, us-east-1) each use one {@link DockerImageAsset} of the same directory, so the toolkit
 * builds one image and pushes it to both accounts' repositories. Each stack stores the image's URI in
 * the SSM parameter {@value #URI_PARAMETER} and outputs it as {@code ImageUri}.
 *
 * <p>The stacks use the {@link DefaultStackSynthesizer}: their image destinations name the bootstrap's
 * image publishing role and container assets repository, which is what the toolkit must handle for real
 * apps. Context: {@code imageDirectory} (default {@code image}, relative to the working directory),
 * {@code devAccount}, {@code prodAccount} (defaults as {@link SampleApp}).
 */
public final class ImageAssetApp {

    /** The SSM parameter each stack writes the image URI to. */
    public static final String URI_PARAMETER = "/cdkj/sample/image-uri";

    private ImageAssetApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds both stacks to {@code app}. */
    public static void build(App app) {
        Object directory = app.getNode().tryGetContext("imageDirectory");
        String image = Path.of(directory == null ? "image" : directory.toString()).toAbsolutePath().toString();
        new ImageStack(app, "devImageApp", props(context(app, "devAccount", SampleApp.DEV_ACCOUNT_DEFAULT),
                SampleApp.DEV_REGION), image);
        new ImageStack(app, "prodImageApp", props(context(app, "prodAccount", SampleApp.PROD_ACCOUNT_DEFAULT),
                SampleApp.PROD_REGION), image);
    }

    private static StackProps props(String account, String region) {
        return StackProps.builder()
                .env(Environment.builder().account(account).region(region).build())
                .synthesizer(new DefaultStackSynthesizer())
                .build();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    /** One environment's stack: the image asset, and its URI in a parameter and an output. */
    static final class ImageStack extends Stack {
        ImageStack(Construct scope, String id, StackProps props, String imageDirectory) {
            super(scope, id, props);
            DockerImageAsset asset = DockerImageAsset.Builder.create(this, "Image").directory(imageDirectory).build();
            StringParameter.Builder.create(this, "ImageUriParameter")
                    .parameterName(URI_PARAMETER)
                    .stringValue(asset.getImageUri())
                    .build();
            CfnOutput.Builder.create(this, "ImageUri").value(asset.getImageUri()).build();
        }
    }
}
