package io.cdkj.sample;

import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.services.ec2.LookupMachineImageProps;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneProviderProps;
import software.amazon.awscdk.services.route53.IHostedZone;

/**
 * A second, smaller app that consumes the lookups the walkthrough app does not: availability zones,
 * an AMI and a hosted zone, from a stack inside a {@link Stage} (so its stack lives in a nested cloud
 * assembly). The toolkit's tests synthesize it to prove those answers have the shapes aws-cdk-lib
 * expects. Context: {@code showcaseAccount} (default 111111111111), {@code amiName},
 * {@code domainName}.
 */
public final class LookupShowcaseApp {

    private LookupShowcaseApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        String account = context(app, "showcaseAccount", SampleApp.DEV_ACCOUNT_DEFAULT);
        Environment env = Environment.builder().account(account).region(SampleApp.DEV_REGION).build();
        Stage stage = new Stage(app, "Showcase", StageProps.builder().env(env).build());
        Stack stack = new Stack(stage, "Lookups", StackProps.builder().env(env)
                .synthesizer(new CliCredentialsStackSynthesizer()).build());

        CfnOutput.Builder.create(stack, "Azs").value(Fn.join(",", stack.getAvailabilityZones())).build();
        String imageId = MachineImage.lookup(LookupMachineImageProps.builder()
                .name(context(app, "amiName", "cdkj-showcase"))
                .owners(List.of(account))
                .build()).getImage(stack).getImageId();
        CfnOutput.Builder.create(stack, "AmiId").value(imageId).build();
        IHostedZone zone = HostedZone.fromLookup(stack, "Zone", HostedZoneProviderProps.builder()
                .domainName(context(app, "domainName", "showcase.cdkj.example")).build());
        CfnOutput.Builder.create(stack, "ZoneId").value(zone.getHostedZoneId()).build();
        CfnOutput.Builder.create(stack, "ZoneName").value(zone.getZoneName()).build();
        app.synth();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
