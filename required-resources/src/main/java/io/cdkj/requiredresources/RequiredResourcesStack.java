package io.cdkj.requiredresources;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The two roles the assume-role plugin assumes from the shared-services account: the lookup role
 * (AWS managed {@code ReadOnlyAccess}; used by synth-time context lookups) and the deploy role (AWS
 * managed {@code AdministratorAccess} by default: CloudFormation creates the app's resources with these
 * credentials, so the role must be able to create whatever the app declares). Both trust the
 * shared-services account's root principal, i.e. whoever that account's IAM policies allow, and
 * optionally require an external ID. Outputs both ARNs.
 */
public final class RequiredResourcesStack extends Stack {

    public RequiredResourcesStack(Construct scope, String id, StackProps props, RoleSettings settings) {
        super(scope, id, props);
        String account = props.getEnv().getAccount();

        IRole read = role("ReadOnlyRole", RoleSettings.nameIn(settings.readRoleName(), account), "ReadOnlyAccess",
                "cdkj lookups (synth time) from account " + settings.trustedAccount(), settings);
        IRole write = role("WriteRole", RoleSettings.nameIn(settings.writeRoleName(), account),
                settings.writeManagedPolicy(), "cdkj deployments from account " + settings.trustedAccount(), settings);

        CfnOutput.Builder.create(this, "ReadOnlyRoleArn").value(read.getRoleArn()).build();
        CfnOutput.Builder.create(this, "WriteRoleArn").value(write.getRoleArn()).build();
    }

    private IRole role(String id, String name, String managedPolicy, String description, RoleSettings settings) {
        Role.Builder role = Role.Builder.create(this, id)
                .roleName(name)
                .description(description)
                .assumedBy(new AccountPrincipal(settings.trustedAccount()))
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(managedPolicy)))
                .maxSessionDuration(Duration.hours(1));
        settings.externalId().ifPresent(externalId -> role.externalIds(List.of(externalId)));
        return role.build();
    }
}
