package io.cdkj.requiredresources;

import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The {@code dev} and {@code prod} stacks, each creating the lookup and deploy roles in its account.
 *
 * <p>Context (cdk.json, {@code -c}), then environment variables, then defaults:
 * {@code trustedAccount}/{@code TRUSTED_ACCOUNT} (222222222222), {@code externalId}/{@code EXTERNAL_ID}
 * (none), {@code devAccount}/{@code DEV_ACCOUNT} (111111111111), {@code devRegion} (us-east-2),
 * {@code prodAccount}/{@code PROD_ACCOUNT} (333333333333), {@code prodRegion} (us-east-1).
 *
 * <p>The stacks use {@link CliCredentialsStackSynthesizer}: they are deployed with each target account's
 * own credentials, before any bootstrap or cross-account role exists, so the template goes inline and
 * no bootstrap bucket or role is needed.
 */
public final class RequiredResourcesApp {

    private RequiredResourcesApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        createStacks(app);
        app.synth();
    }

    /** Adds the {@code dev} and {@code prod} stacks to {@code app}, configured from its context. */
    public static void createStacks(App app) {
        RoleSettings settings = RoleSettings.from(app);
        stack(app, "dev", setting(app, "devAccount", "DEV_ACCOUNT", "111111111111"),
                setting(app, "devRegion", "DEV_REGION", "us-east-2"), settings);
        stack(app, "prod", setting(app, "prodAccount", "PROD_ACCOUNT", "333333333333"),
                setting(app, "prodRegion", "PROD_REGION", "us-east-1"), settings);
    }

    private static void stack(App app, String id, String account, String region, RoleSettings settings) {
        new RequiredResourcesStack(app, id, StackProps.builder()
                .env(Environment.builder().account(account).region(region).build())
                .synthesizer(new CliCredentialsStackSynthesizer())
                .description("cdkj required resources: lookup and deploy roles trusting account " + settings.trustedAccount())
                .build(), settings);
    }

    static String setting(App app, String contextKey, String environmentVariable, String fallback) {
        return optionalSetting(app, contextKey, environmentVariable).orElse(fallback);
    }

    static Optional<String> optionalSetting(App app, String contextKey, String environmentVariable) {
        Object value = app.getNode().tryGetContext(contextKey);
        if (value != null && !value.toString().isBlank()) {
            return Optional.of(value.toString());
        }
        return Optional.ofNullable(System.getenv(environmentVariable)).filter(v -> !v.isBlank());
    }
}
