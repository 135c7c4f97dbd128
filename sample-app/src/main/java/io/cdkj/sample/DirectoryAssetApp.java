package io.cdkj.sample;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.amazon.awscdk.services.s3.assets.AssetProps;
import software.amazon.awscdk.services.ssm.StringParameter;

/**
 * A small app with one directory asset (zipped and uploaded at deploy time), for the toolkit's tests
 * that compare cdkj's asset zips with the Node CDK CLI's: stack {@code DirectoryAsset} with an
 * {@link Asset} of the directory named by context {@code assetDirectory} and an SSM parameter holding
 * its object key (so the stack has a resource to deploy). Context: {@code assetAccount} (default
 * 111111111111), {@code assetDirectory} (required).
 */
public final class DirectoryAssetApp {

    private DirectoryAssetApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object account = app.getNode().tryGetContext("assetAccount");
        Object directory = app.getNode().tryGetContext("assetDirectory");
        if (directory == null) {
            throw new IllegalArgumentException("context assetDirectory is required (-c assetDirectory=DIR)");
        }
        Environment env = Environment.builder()
                .account(account == null ? SampleApp.DEV_ACCOUNT_DEFAULT : account.toString())
                .region(SampleApp.DEV_REGION).build();
        Stack stack = new Stack(app, "DirectoryAsset", StackProps.builder().env(env)
                .synthesizer(new CliCredentialsStackSynthesizer()).build());
        Asset asset = new Asset(stack, "Code", AssetProps.builder().path(directory.toString()).build());
        StringParameter.Builder.create(stack, "CodeKey")
                .parameterName("/cdkj/sample/asset-key")
                .stringValue(asset.getS3ObjectKey())
                .build();
        CfnOutput.Builder.create(stack, "ObjectKey").value(asset.getS3ObjectKey()).build();
        CfnOutput.Builder.create(stack, "Bucket").value(asset.getS3BucketName()).build();
        app.synth();
    }
}
