package io.cdkj.sample;

import java.net.URISyntaxException;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * An app for environments prepared by {@code cdkj bootstrap}: the default synthesizer
 * ({@code DefaultStackSynthesizer}), so the assembly names the bootstrap roles, the assets bucket and
 * the required bootstrap version. Two stacks in two accounts and regions, each with a Lambda function
 * whose code is a file asset, a nested stack (its template is an asset too) and an SSM lookup.
 *
 * <p>Context: {@code alphaAccount}/{@code alphaRegion} (default 444455556666 / eu-west-1),
 * {@code betaAccount}/{@code betaRegion} (default 777788889999 / us-west-2), {@code stackPrefix}
 * (default none: stacks {@code alphaService} and {@code betaService}), so one environment can hold two
 * deployments of the app (one per CLI, in the toolkit's tests).
 */
public final class BootstrappedApp {

    /** The SSM parameter each stack looks up in its own account. */
    public static final String MESSAGE_PARAMETER = "/cdkj/bootstrapped/message";

    private BootstrappedApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Path handler = handlerDirectory();
        String prefix = context(app, "stackPrefix", "");
        new BootstrappedStack(app, prefix + "alphaService",
                props(context(app, "alphaAccount", "444455556666"), context(app, "alphaRegion", "eu-west-1")), handler);
        new BootstrappedStack(app, prefix + "betaService",
                props(context(app, "betaAccount", "777788889999"), context(app, "betaRegion", "us-west-2")), handler);
        app.synth();
    }

    private static StackProps props(String account, String region) {
        return StackProps.builder().env(Environment.builder().account(account).region(region).build()).build();
    }

    /** The handler's source, next to this class (target/classes), so the app runs from any directory. */
    private static Path handlerDirectory() {
        try {
            Path classes = Path.of(BootstrappedApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve("bootstrapped-app").resolve("handler");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the handler's directory", e);
        }
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
